"""ceasefire.web"""
