#!/usr/bin/python3
"""Makes data/china.ppm.gz and data/flower.ppm.gz (lesson 11) from scikit-learn's sample images.

The originals (427 × 640 JPEG, CC BY 2.0, see data/PROVENANCE.md) ship with Debian's python3-sklearn
(`apt-get install python3-sklearn python3-pil`). Each is shrunk to 160 × 107 pixels (Lanczos) and stored as a gzipped
binary PPM (P6): 51 KB of pixels that ClusterLab decodes without an image package. Run: /usr/bin/python3 scripts/make_images.py
"""
import gzip, os
from PIL import Image

SRC = "/usr/lib/python3/dist-packages/sklearn/datasets/images"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
SIZE = (160, 107)

for name in ("china", "flower"):
    img = Image.open(os.path.join(SRC, name + ".jpg")).convert("RGB").resize(SIZE, Image.LANCZOS)
    header = f"P6\n{SIZE[0]} {SIZE[1]}\n255\n".encode("ascii")
    # mtime=0: the same input gives the same bytes.
    with open(os.path.join(OUT, name + ".ppm.gz"), "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as gz:
        gz.write(header + img.tobytes())
    print(name, img.size)
