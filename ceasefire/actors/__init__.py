"""ceasefire.actors"""
