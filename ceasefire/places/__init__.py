"""ceasefire.places"""
