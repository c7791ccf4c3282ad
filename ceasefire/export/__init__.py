"""ceasefire.export"""
