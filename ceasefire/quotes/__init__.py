"""ceasefire.quotes"""
