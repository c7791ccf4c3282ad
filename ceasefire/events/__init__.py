"""ceasefire.events"""
