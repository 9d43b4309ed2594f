"""Pure-Python image encoders for the fake server's pictures, one format per module.

`png`, `jpeg` (baseline, optimised Huffman tables), `webp` (lossless VP8L), `gif`
(animated, LZW) and `huffman` (the code-length and canonical-code helpers the JPEG and
WEBP encoders share). They take pixels and return file bytes; what to draw is decided in
`openai_images_sdk.fake_server._images`.
"""
