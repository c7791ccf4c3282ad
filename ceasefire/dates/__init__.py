"""ceasefire.dates"""
