"""ceasefire.nlp"""
