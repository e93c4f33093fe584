#!/usr/bin/env python3
"""Seed inputs and dictionaries for the libFuzzer harnesses (tools/fuzz.sh), made at run time from
the repository's own files: nothing here is a copy of them.

usage: fuzz_seeds.py REPO NAME SEEDS_DIR DICT_FILE
"""
import glob
import json
import os
import struct
import sys
import zlib

repo, name, seeds, dict_file = sys.argv[1:5]
os.makedirs(seeds, exist_ok=True)
tokens = set()


def put(fname, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(seeds, fname), "wb") as f:
        f.write(data)


def copy_files(pattern):
    for path in sorted(glob.glob(os.path.join(repo, pattern))):
        with open(path, "rb") as f:
            put(os.path.basename(os.path.dirname(path)) + "_" + os.path.basename(path), f.read())
        try:
            collect(json.load(open(path, encoding="utf-8")))
        except ValueError:
            pass


def collect(value):
    """Keys and short string values of a JSON document, for the dictionary."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k.isascii() and k.isprintable() and '"' not in k and "\\" not in k:
                tokens.add('"\\"%s\\":"' % k)
            collect(v)
    elif isinstance(value, list):
        for v in value:
            collect(v)
    elif isinstance(value, str) and 0 < len(value) <= 40 and value.isascii() and value.isprintable() \
            and '"' not in value and "\\" not in value:
        tokens.add('"%s"' % value)


def small_scenes():
    """Small valid scenes cut from the default atlas: one vessel with its drainage chain and valves."""
    path = os.path.join(repo, "scenes", "default.json")
    atlas = json.load(open(path, encoding="utf-8"))
    collect(atlas)
    put("default.json", open(path, "rb").read())
    by_id = {v["id"]: v for v in atlas["vessels"]}
    for k, vessel in enumerate(atlas["vessels"][::7]):
        chain, cur = [], vessel
        while cur is not None and cur["id"] not in [c["id"] for c in chain]:
            chain.append(cur)
            cur = by_id.get(cur.get("drains_into", ""))
        ids = {c["id"] for c in chain}
        scene = {"format": "venaviz-scene", "version": 1, "name": "cut %d" % k, "vessels": chain,
                 "valves": [v for v in atlas.get("valves", []) if v["vessel"] in ids],
                 "landmarks": atlas.get("landmarks", [])[k % 10:k % 10 + 2]}
        if k % 3 == 0:
            scene["view"] = {"preset": "left", "target": [0, 0, 100], "distance": 80}
        if k % 4 == 0:
            scene["models"] = atlas.get("models", [])[:1]
        put("cut_%02d.json" % k, json.dumps(scene))
    put("include_remove.json", json.dumps({"include": [path], "remove": [atlas["vessels"][-1]["id"]],
                                           "vessels": [atlas["vessels"][0]]}))


def png(width, height, color_type, bit_depth=8):
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
    rows = b"".join(b"\0" + bytes((x * 37 + y * 11 + c) & 255 for x in range(width) for c in range(channels))
                    for y in range(height))
    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def baked(vertices, indices):
    out = b"VVMESH1\0" + struct.pack("<II", len(vertices), len(indices))
    for v in vertices:
        out += struct.pack("<6f", *v)
    return out + struct.pack("<%dI" % len(indices), *indices)


TETRA_V = [(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)]
TETRA_F = [(0, 2, 1), (0, 1, 3), (0, 3, 2), (1, 2, 3)]

if name == "scene":
    small_scenes()
elif name == "scenario":
    copy_files("scenes/scenarios/*.json")
elif name == "protocol":
    copy_files("scenes/protocols/*.json")
elif name == "lesson":
    copy_files("scenes/lessons/*.json")
elif name == "strings":
    copy_files("assets/i18n/*.json")
    copy_files("assets/i18n/lessons/*.json")
elif name == "settings":
    settings = {"format": "venaviz-settings", "version": 1, "ui_scale": 1.5, "quality": "high",
                "particle_color": "speed", "theme": "contrast", "labels": False, "language": "es",
                "last_scene": os.path.join(repo, "scenes", "default.json"),
                "bookmarks": [{"name": "Pelvis %d" % k, "target": [k, -10.5, 100], "distance": 40 + k,
                               "yaw_deg": 90, "pitch_deg": -10} for k in range(3)]}
    put("settings_full.json", json.dumps(settings, indent=2))
    put("settings_min.json", json.dumps({"format": "venaviz-settings", "version": 1}))
    collect(settings)
    tokens.update(['"low"', '"medium"', '"dark"', '"light"', '"direction"', '"oxygen"'])
elif name == "baked":
    normals = [(0, 0, 1)] * 4
    put("tetra.vvm", baked([p + n for p, n in zip(TETRA_V, normals)], [i for f in TETRA_F for i in f]))
    put("empty.vvm", baked([], []))
    tokens.add('"VVMESH1\\x00"')
elif name == "model":
    obj = "".join("v %g %g %g\n" % v for v in TETRA_V) + "vn 0 0 1\n" + \
          "".join("f %d//1 %d//1 %d//1\n" % tuple(i + 1 for i in f) for f in TETRA_F)
    put("tetra.obj", b"\x00" + obj.encode())
    # The first lines of a shipped model (its vertices) and a face over them.
    with open(os.path.join(repo, "assets", "models", "tibia_left.obj"), "rb") as f:
        head = b"".join(line for line in f.read().splitlines(True) if line.startswith(b"v "))[:4000]
    put("tibia_head.obj", b"\x00" + head + b"f 1 2 3\nf 2 3 4\n")
    stl = "solid t\n" + "".join("facet normal 0 0 1\nouter loop\n" + "".join("vertex %g %g %g\n" % TETRA_V[i] for i in f) +
                               "endloop\nendfacet\n" for f in TETRA_F) + "endsolid t\n"
    put("tetra.stl", b"\x01" + stl.encode())
    ply = "ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\n" \
          "element face 4\nproperty list uchar int vertex_indices\nend_header\n" + \
          "".join("%g %g %g\n" % v for v in TETRA_V) + "".join("3 %d %d %d\n" % f for f in TETRA_F)
    put("tetra.ply", b"\x04" + ply.encode())  # turned away by the reader

    gltf = {"asset": {"version": "2.0"}, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
            "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
            "buffers": [{"byteLength": 60, "uri": "data:application/octet-stream;base64," + __import__("base64").b64encode(
                struct.pack("<12f", *[c for v in TETRA_V for c in v]) + struct.pack("<6H", 0, 2, 1, 0, 1, 3)).decode()}],
            "bufferViews": [{"buffer": 0, "byteLength": 48}, {"buffer": 0, "byteOffset": 48, "byteLength": 12}],
            "accessors": [{"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3",
                           "min": [0, 0, 0], "max": [1, 1, 1]},
                          {"bufferView": 1, "componentType": 5123, "count": 6, "type": "SCALAR"}]}
    put("tetra.gltf", b"\x02" + json.dumps(gltf).encode())
    tokens.update(['"v "', '"vn "', '"vt "', '"f "', '"o "', '"g "', '"mtllib "', '"usemtl "', '"solid "', '"facet normal"',
                   '"outer loop"', '"vertex "', '"endloop"', '"endfacet"', '"ply"', '"element "', '"property "',
                   '"end_header"', '"OFF"', '"binary_little_endian 1.0"'])
elif name == "png":
    put("gray_3x2.png", png(3, 2, 0))
    put("rgb_4x4.png", png(4, 4, 2))
    put("rgba_5x3.png", png(5, 3, 6))
    put("gray_alpha_2x2.png", png(2, 2, 4))
    put("gray16_2x2.png", png(2, 2, 0, 16))
    tokens.update(['"IHDR"', '"IDAT"', '"IEND"', '"PLTE"', '"tRNS"', '"\\x89PNG\\x0d\\x0a\\x1a\\x0a"'])
else:
    sys.exit("fuzz_seeds.py: unknown harness " + name)

if name in ("scene", "scenario", "protocol", "lesson", "strings", "settings"):
    tokens.update(['"{"', '"}"', '"["', '"]"', '":"', '","', '"true"', '"false"', '"null"', '"1e308"', '"-0"',
                   '"\\\\u0000"', '"\\\\ud800"'])
with open(dict_file, "w", encoding="utf-8") as f:
    for t in sorted(tokens):
        f.write(t + "\n")
