"""Vietnamese language model used by the L7xx rules and by encoding detection (E901).

- syllables: is a token a well-formed Vietnamese syllable (onset, rhyme, tone, tone placement)?
- lexicon: the curated data of rules/confusions.toml and rules/language.toml.
"""
