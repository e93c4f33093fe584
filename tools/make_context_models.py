#!/usr/bin/env python3
"""Generate venaviz's context models (skin, bones, calf muscles, liver, heart) as Wavefront
OBJ files in assets/models/, from the landmark coordinates of the project's anatomy reference.

Standard library only. Run from anywhere:

    python3 tools/make_context_models.py            # write all models, validate, check vs scene
    python3 tools/make_context_models.py --no-check # skip the plausibility check against the veins

Source: anatomy.md, "Venous atlas reference: landmarks and vessel centrelines in one 3D frame"
(shared reference folder). "A2.2" below means its section 2.2, "A3 #17" row 17 of its landmark
table (section 3). Coordinates taken from it are [D] there (derived), tolerance +-1..3 cm.
Shape values that the reference does not give (bone thicknesses, muscle bellies, organ
outlines...) are textbook-typical adult male sizes chosen here; they are marked EST and say why.
No third-party mesh or data set is used: every vertex comes from the functions below.

Frame (A1.1): cm; x towards the patient's LEFT, y POSTERIOR, z SUPERIOR; origin on the floor
midway between the heels; adult man 175 cm standing in the anatomical position. Bilateral
structures are built for the LEFT side (x > 0) and mirrored (x -> -x) for the right (A0.3).

Output conventions (what the app's Assimp loader gets):
  * one OBJ object ("o name") per file, except calf_muscles_{left,right}.obj, which hold three
    objects each: soleus_<side>, gastrocnemius_medial_<side>, gastrocnemius_lateral_<side>;
  * triangles only, counter-clockwise seen from outside, per-vertex normals (vn) pointing
    outwards, positions and normals with 3 decimals, units cm in the body frame;
  * every part is a closed surface (each edge shared by exactly two triangles); a file may hold
    several closed parts that overlap (e.g. the skin's legs inside the lower trunk; a
    vertebra's body and processes): the app draws skin and muscles translucent.

After writing, every file is read back and validated: finite numbers, unit normals, closed
parts, positive signed volume for every part (outward winding), normals agreeing with the
winding, bounding box inside the body. Then (unless --no-check) named vessel points from
scenes/default.json are checked against the models: inside the skin (ray parity per closed
part), IVC and left common iliac vein anterior to the vertebral bodies, hepatic veins inside the
liver, right atrium in the heart's right part, calf veins inside the calf muscles, no vessel
centreline inside a bone. The script exits non-zero if a validation or a required check fails.
"""

import argparse
import bisect
import json
import math
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO, "assets", "models")
SCENE_FILE = os.path.join(REPO, "scenes", "default.json")

# ==============================================================================================
# Small vector helpers (tuples of 3 floats)
# ==============================================================================================


def vadd(a, b):
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def vsub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def vmul(a, s):
    return (a[0] * s, a[1] * s, a[2] * s)


def vdot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def vcross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def vlen(a):
    return math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])


def vnorm(a):
    n = vlen(a)
    if n < 1e-12:
        return (0.0, 0.0, 0.0)
    return (a[0] / n, a[1] / n, a[2] / n)


def vlerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def lerp(a, b, t):
    return a + (b - a) * t


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def smoothstep(e0, e1, x):
    t = clamp((x - e0) / (e1 - e0), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def mirror_x(p):
    return (-p[0], p[1], p[2])


def frame_from(axis_z, hint_x):
    """Orthonormal right-handed frame (ex, ey, ez) with ez along axis_z and ex close to hint_x."""
    ez = vnorm(axis_z)
    ex = vsub(hint_x, vmul(ez, vdot(hint_x, ez)))
    if vlen(ex) < 1e-6:
        alt = (1.0, 0.0, 0.0) if abs(ez[0]) < 0.9 else (0.0, 1.0, 0.0)
        ex = vsub(alt, vmul(ez, vdot(alt, ez)))
    ex = vnorm(ex)
    ey = vcross(ez, ex)
    return ex, ey, ez


def to_world(c, frame, p):
    ex, ey, ez = frame
    return (c[0] + ex[0] * p[0] + ey[0] * p[1] + ez[0] * p[2],
            c[1] + ex[1] * p[0] + ey[1] * p[1] + ez[1] * p[2],
            c[2] + ex[2] * p[0] + ey[2] * p[1] + ez[2] * p[2])


def to_local(c, frame, p):
    d = vsub(p, c)
    return (vdot(d, frame[0]), vdot(d, frame[1]), vdot(d, frame[2]))


WORLD = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))

# ==============================================================================================
# Interpolation
# ==============================================================================================


def pchip(xs, ys):
    """Monotone piecewise-cubic Hermite interpolant (Fritsch-Carlson); clamps outside xs."""
    n = len(xs)
    if n == 1:
        return lambda x: ys[0]
    h = [xs[i + 1] - xs[i] for i in range(n - 1)]
    d = [(ys[i + 1] - ys[i]) / h[i] for i in range(n - 1)]
    m = [0.0] * n
    m[0], m[-1] = d[0], d[-1]
    for i in range(1, n - 1):
        if d[i - 1] * d[i] <= 0.0:
            m[i] = 0.0
        else:
            w1, w2 = 2 * h[i] + h[i - 1], h[i] + 2 * h[i - 1]
            m[i] = (w1 + w2) / (w1 / d[i - 1] + w2 / d[i])

    def f(x):
        if x <= xs[0]:
            return ys[0]
        if x >= xs[-1]:
            return ys[-1]
        i = bisect.bisect_right(xs, x) - 1
        t = (x - xs[i]) / h[i]
        t2, t3 = t * t, t * t * t
        return ((2 * t3 - 3 * t2 + 1) * ys[i] + (t3 - 2 * t2 + t) * h[i] * m[i]
                + (-2 * t3 + 3 * t2) * ys[i + 1] + (t3 - t2) * h[i] * m[i + 1])
    return f


class KeyTable:
    """Rows of (key, v1, v2, ...) -> smooth functions of the key, one per named field."""

    def __init__(self, fields, rows):
        rows = sorted(rows, key=lambda r: r[0])
        self.lo, self.hi = rows[0][0], rows[-1][0]
        xs = [r[0] for r in rows]
        self.f = {name: pchip(xs, [r[i + 1] for r in rows]) for i, name in enumerate(fields)}

    def at(self, key):
        return {name: fn(key) for name, fn in self.f.items()}


def catmull_rom(points, ds):
    """Points along a uniform Catmull-Rom spline through `points`, spaced about ds apart."""
    pts = list(points)
    if len(pts) == 2:
        a, b = pts
        n = max(1, int(math.ceil(vlen(vsub(b, a)) / ds)))
        return [vlerp(a, b, i / n) for i in range(n + 1)]
    ext = [vsub(vmul(pts[0], 2), pts[1])] + pts + [vsub(vmul(pts[-1], 2), pts[-2])]
    out = [pts[0]]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        n = max(1, int(math.ceil(vlen(vsub(p2, p1)) / ds)))
        for k in range(1, n + 1):
            t = k / n
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * ((2 * p1[j]) + (-p0[j] + p2[j]) * t
                                    + (2 * p0[j] - 5 * p1[j] + 4 * p2[j] - p3[j]) * t2
                                    + (-p0[j] + 3 * p1[j] - 3 * p2[j] + p3[j]) * t3)
                             for j in range(3)))
    return out


def cumulative_lengths(pts):
    s = [0.0]
    for i in range(1, len(pts)):
        s.append(s[-1] + vlen(vsub(pts[i], pts[i - 1])))
    return s


# ==============================================================================================
# Meshes: a Mesh is a named object made of closed shells (vertex list + triangle list)
# ==============================================================================================


def signed_volume(verts, tris):
    v = 0.0
    for a, b, c in tris:
        v += vdot(verts[a], vcross(verts[b], verts[c]))
    return v / 6.0


class Shell:
    def __init__(self, verts, tris):
        self.verts = [tuple(float(c) for c in p) for p in verts]
        self.tris = [tuple(t) for t in tris]
        if signed_volume(self.verts, self.tris) < 0.0:  # orient outwards (CCW seen from outside)
            self.tris = [(a, c, b) for a, b, c in self.tris]

    def mirrored(self):
        return Shell([mirror_x(p) for p in self.verts], [(a, c, b) for a, b, c in self.tris])

    def transformed(self, fn):
        return Shell([fn(p) for p in self.verts], self.tris)


class Mesh:
    def __init__(self, name, shells=None):
        self.name = name
        self.shells = list(shells or [])

    def add(self, *shells):
        for s in shells:
            if isinstance(s, Mesh):
                self.shells.extend(s.shells)
            else:
                self.shells.append(s)
        return self

    def mirrored(self, name):
        return Mesh(name, [s.mirrored() for s in self.shells])

    def triangle_count(self):
        return sum(len(s.tris) for s in self.shells)


def vertex_normals(verts, tris):
    acc = [[0.0, 0.0, 0.0] for _ in verts]
    for a, b, c in tris:
        n = vcross(vsub(verts[b], verts[a]), vsub(verts[c], verts[a]))  # area weighted
        for i in (a, b, c):
            acc[i][0] += n[0]
            acc[i][1] += n[1]
            acc[i][2] += n[2]
    out = []
    for n in acc:
        m = vnorm(n)
        out.append(m if m != (0.0, 0.0, 0.0) else (0.0, 0.0, 1.0))
    return out


# ---------------------------------------------------------------------------------------------
# Primitive 1: loft of rings (all rings with the same point count), optional dome caps
# ---------------------------------------------------------------------------------------------


def ring_centroid(ring):
    n = len(ring)
    return (sum(p[0] for p in ring) / n, sum(p[1] for p in ring) / n, sum(p[2] for p in ring) / n)


def dome(ring, axis, height, steps=4):
    """Rings closing `ring` with an elliptic dome of `height` along unit `axis`; returns
    (extra rings, pole point)."""
    c = ring_centroid(ring)
    rings = []
    for j in range(1, steps):
        phi = 0.5 * math.pi * j / steps
        cs, sn = math.cos(phi), math.sin(phi)
        rings.append([vadd(vadd(c, vmul(vsub(p, c), cs)), vmul(axis, height * sn)) for p in ring])
    return rings, vadd(c, vmul(axis, height))


def loft(rings, start_pole=None, end_pole=None):
    """Closed shell through `rings`; the ends are closed by fans to the poles (the ring centroid
    when a pole is None)."""
    n = len(rings[0])
    verts, tris = [], []
    for r in rings:
        assert len(r) == n
        verts.extend(r)
    for i in range(len(rings) - 1):
        o0, o1 = i * n, (i + 1) * n
        for k in range(n):
            k1 = (k + 1) % n
            tris.append((o0 + k, o0 + k1, o1 + k1))
            tris.append((o0 + k, o1 + k1, o1 + k))
    s = start_pole if start_pole is not None else ring_centroid(rings[0])
    e = end_pole if end_pole is not None else ring_centroid(rings[-1])
    si = len(verts)
    verts.append(s)
    ei = len(verts)
    verts.append(e)
    last = (len(rings) - 1) * n
    for k in range(n):
        k1 = (k + 1) % n
        tris.append((si, k1, k))
        tris.append((ei, last + k, last + k1))
    return Shell(verts, tris)


def loft_with_domes(rings, h_start, h_end, steps=4):
    """Loft with rounded ends: the domes bulge along the direction away from the neighbour ring."""
    a0 = vnorm(vsub(ring_centroid(rings[0]), ring_centroid(rings[1])))
    a1 = vnorm(vsub(ring_centroid(rings[-1]), ring_centroid(rings[-2])))
    r0, p0 = dome(rings[0], a0, h_start, steps)
    r1, p1 = dome(rings[-1], a1, h_end, steps)
    return loft(list(reversed(r0)) + list(rings) + r1, p0, p1)


def superellipse_xy(theta, xn, xp, yn, yp, en, ep):
    """Point on an asymmetric superellipse: half-extents xn (towards -x), xp (+x), yn (-y),
    yp (+y); exponent en on the -y half, ep on the +y half (2 = ellipse, larger = boxier)."""
    c, s = math.cos(theta), math.sin(theta)
    e = ep if s >= 0.0 else en
    x = (xp if c >= 0.0 else xn) * math.copysign(abs(c) ** (2.0 / e), c)
    y = (yp if s >= 0.0 else yn) * math.copysign(abs(s) ** (2.0 / e), s)
    return x, y


def superellipse_inside(x, y, xn, xp, yn, yp, en, ep):
    """Approximate signed distance (cm, < 0 inside) to the superellipse above (origin centred)."""
    ax = xp if x >= 0.0 else xn
    ay = yp if y >= 0.0 else yn
    e = ep if y >= 0.0 else en
    k = (abs(x) / ax) ** e + (abs(y) / ay) ** e
    return (k ** (1.0 / e) - 1.0) * min(ax, ay)


def plane_ring(origin, ex, ey, n, xn, xp, yn, yp, en, ep, phase=0.0):
    """Ring of n points of a superellipse in the plane origin + X*ex + Y*ey."""
    out = []
    for k in range(n):
        th = 2.0 * math.pi * k / n + phase
        x, y = superellipse_xy(th, xn, xp, yn, yp, en, ep)
        out.append((origin[0] + ex[0] * x + ey[0] * y, origin[1] + ex[1] * x + ey[1] * y,
                    origin[2] + ex[2] * x + ey[2] * y))
    return out


# ---------------------------------------------------------------------------------------------
# Primitive 2: shapes on a spherified-cube template (ellipsoids, superellipsoids, star-shaped
# implicit surfaces): evenly sized triangles and no poles
# ---------------------------------------------------------------------------------------------

_CUBE_CACHE = {}


def cube_sphere(m):
    """Unit directions and triangles of a cube with m x m cells per face, warped to the sphere."""
    if m in _CUBE_CACHE:
        return _CUBE_CACHE[m]
    index, dirs, tris = {}, [], []

    def vid(key):
        if key not in index:
            w = [math.tan(0.25 * math.pi * c / m) for c in key]
            index[key] = len(dirs)
            dirs.append(vnorm(tuple(w)))
        return index[key]

    for axis in range(3):
        for sign in (-1, 1):
            u_ax, v_ax = [a for a in range(3) if a != axis]
            for i in range(m):
                for j in range(m):
                    def key(ii, jj):
                        k = [0, 0, 0]
                        k[axis] = sign * m
                        k[u_ax] = -m + 2 * ii
                        k[v_ax] = -m + 2 * jj
                        return tuple(k)
                    a, b = vid(key(i, j)), vid(key(i + 1, j))
                    c, d = vid(key(i + 1, j + 1)), vid(key(i, j + 1))
                    for t in ((a, b, c), (a, c, d)):
                        p = [dirs[x] for x in t]
                        nrm = vcross(vsub(p[1], p[0]), vsub(p[2], p[0]))
                        if nrm[axis] * sign < 0:
                            t = (t[0], t[2], t[1])
                        tris.append(t)
    _CUBE_CACHE[m] = (dirs, tris)
    return dirs, tris


def ellipsoid(c, radii, frame=WORLD, m=8):
    dirs, tris = cube_sphere(m)
    verts = [to_world(c, frame, (d[0] * radii[0], d[1] * radii[1], d[2] * radii[2])) for d in dirs]
    return Shell(verts, tris)


def superellipsoid(c, radii, e_vert, e_horiz, frame=WORLD, m=8, deform=None):
    """Superquadric |x/a|^(2/e2)+|y/b|^(2/e2))^(e2/e1) + |z/c|^(2/e1) = 1 (e small = boxy).
    `deform` maps local points before the frame transform."""
    a, b, h = radii
    dirs, tris = cube_sphere(m)
    verts = []
    for d in dirs:
        x, y, z = d[0] / a, d[1] / b, d[2] / h
        f = ((abs(x) ** (2 / e_horiz) + abs(y) ** (2 / e_horiz)) ** (e_horiz / e_vert)
             + abs(z) ** (2 / e_vert))
        r = f ** (-e_vert / 2.0)
        p = (d[0] * r, d[1] * r, d[2] * r)
        if deform:
            p = deform(p)
        verts.append(to_world(c, frame, p))
    return Shell(verts, tris)


def implicit_star(center, field, m, r_max, step=0.1):
    """Surface f = 0 of an implicit field (< 0 inside), star-shaped about `center`: for every
    template direction the first exit from the centre is found by marching and bisection."""
    assert field(center) < 0.0, "implicit_star: centre outside the shape"
    dirs, tris = cube_sphere(m)
    verts = []
    for d in dirs:
        t0, t = 0.0, step
        while t < r_max and field(vadd(center, vmul(d, t))) < 0.0:
            t0, t = t, t + step
        lo, hi = t0, min(t, r_max)
        for _ in range(22):
            mid = 0.5 * (lo + hi)
            if field(vadd(center, vmul(d, mid))) < 0.0:
                lo = mid
            else:
                hi = mid
        verts.append(vadd(center, vmul(d, 0.5 * (lo + hi))))
    return Shell(verts, tris)


def surface_net(field, lo, hi, h, newton=4):
    """Closed mesh of the surface field = 0 (field < 0 inside) by naive surface nets on a grid of
    spacing h over the box lo..hi (the shape must lie strictly inside the box): one vertex per
    grid cell that the surface crosses (mean of the edge crossings, then Newton-projected onto the
    surface), one quad per crossed grid edge. No star-shape restriction."""
    n = [int(math.ceil((hi[a] - lo[a]) / h)) + 1 for a in range(3)]
    val = {}
    for i in range(n[0]):
        for j in range(n[1]):
            for k in range(n[2]):
                val[(i, j, k)] = field((lo[0] + i * h, lo[1] + j * h, lo[2] + k * h))
    for key, v in val.items():  # the box border must be outside
        if v < 0 and (0 in key or key[0] == n[0] - 1 or key[1] == n[1] - 1 or key[2] == n[2] - 1):
            raise ValueError("surface_net: shape touches the box")
    corners = [(a, b, c) for a in (0, 1) for b in (0, 1) for c in (0, 1)]
    cell_edges = [(c0, c1) for c0 in corners for c1 in corners
                  if sum(abs(c0[t] - c1[t]) for t in range(3)) == 1 and c0 < c1]
    cell_vert, verts = {}, []

    def grad(p):
        e = 0.01
        return tuple((field(tuple(p[t] + (e if t == a else 0.0) for t in range(3)))
                      - field(tuple(p[t] - (e if t == a else 0.0) for t in range(3)))) / (2 * e)
                     for a in range(3))
    for i in range(n[0] - 1):
        for j in range(n[1] - 1):
            for k in range(n[2] - 1):
                vs = [val[(i + a, j + b, k + c)] for a, b, c in corners]
                if min(vs) >= 0 or max(vs) < 0:
                    continue
                acc, cnt = [0.0, 0.0, 0.0], 0
                for c0, c1 in cell_edges:
                    f0, f1 = val[(i + c0[0], j + c0[1], k + c0[2])], val[(i + c1[0], j + c1[1], k + c1[2])]
                    if (f0 < 0) != (f1 < 0):
                        t = f0 / (f0 - f1)
                        for a in range(3):
                            acc[a] += lo[a] + h * ((i, j, k)[a] + c0[a] + t * (c1[a] - c0[a]))
                        cnt += 1
                p = [acc[a] / cnt for a in range(3)]
                for _ in range(newton):  # project onto the surface, staying within the cell area
                    f = field(tuple(p))
                    g = grad(p)
                    g2 = sum(x * x for x in g)
                    if g2 < 1e-12:
                        break
                    step = [f * x / g2 for x in g]
                    sl = math.sqrt(sum(x * x for x in step))
                    if sl > 0.5 * h:
                        step = [x * 0.5 * h / sl for x in step]
                    p = [p[a] - step[a] for a in range(3)]
                cell_vert[(i, j, k)] = len(verts)
                verts.append(tuple(p))
    tris = []
    for (i, j, k), f0 in val.items():
        for ax in range(3):
            nb = [i, j, k]
            nb[ax] += 1
            nb = tuple(nb)
            if nb not in val or (f0 < 0) == (val[nb] < 0):
                continue
            u, v = (ax + 1) % 3, (ax + 2) % 3
            quad = []
            for du, dv in ((-1, -1), (0, -1), (0, 0), (-1, 0)):
                c = [i, j, k]
                c[u] += du
                c[v] += dv
                quad.append(cell_vert[tuple(c)])
            if not f0 < 0:
                quad.reverse()
            a, b, c, d = quad
            la, lb = vlen(vsub(verts[a], verts[c])), vlen(vsub(verts[b], verts[d]))
            if la <= lb:
                tris += [(a, b, c), (a, c, d)]
            else:
                tris += [(a, b, d), (b, c, d)]
    return Shell(verts, tris)


def sd_ellipsoid(p, c, radii, frame=WORLD):
    q = to_local(c, frame, p)
    k = math.sqrt((q[0] / radii[0]) ** 2 + (q[1] / radii[1]) ** 2 + (q[2] / radii[2]) ** 2)
    return (k - 1.0) * min(radii)


def sd_capsule(p, a, b, r):
    ab = vsub(b, a)
    t = clamp(vdot(vsub(p, a), ab) / vdot(ab, ab), 0.0, 1.0)
    return vlen(vsub(p, vadd(a, vmul(ab, t)))) - r


def smin(a, b, k):
    h = max(k - abs(a - b), 0.0) / k
    return min(a, b) - h * h * k * 0.25


def smax(a, b, k):
    return -smin(-a, -b, k)


# ---------------------------------------------------------------------------------------------
# Primitive 3: surface of revolution of a profile that starts and ends on the axis
# ---------------------------------------------------------------------------------------------


def lathe(profile, origin, axis, n_around, hint=(1.0, 0.0, 0.0)):
    """profile: [(rho, h), ...] with rho == 0 at the first and last point (the poles)."""
    ex, ey, ez = frame_from(axis, hint)
    rings = []
    for rho, h in profile[1:-1]:
        ring = []
        for k in range(n_around):
            a = 2.0 * math.pi * k / n_around
            ring.append(to_world(origin, (ex, ey, ez), (rho * math.cos(a), rho * math.sin(a), h)))
        rings.append(ring)
    p0 = to_world(origin, (ex, ey, ez), (0.0, 0.0, profile[0][1]))
    p1 = to_world(origin, (ex, ey, ez), (0.0, 0.0, profile[-1][1]))
    return loft(rings, p0, p1)


# ---------------------------------------------------------------------------------------------
# Primitive 4: tube swept along a Catmull-Rom spline, elliptic section, rounded ends
# ---------------------------------------------------------------------------------------------


def tube(ctrl, radii, n_around=12, ds=0.5, hint=None, cap_steps=3, cap_scale=1.0, expo=2.0):
    """ctrl: control points; radii: one value or (ra, rb) per control point, interpolated along
    the chord length; ra lies along the section axis closest to `hint` (default: any)."""
    pts = catmull_rom(ctrl, ds)
    s = cumulative_lengths(pts)
    sc = cumulative_lengths(list(ctrl))
    scale = s[-1] / sc[-1] if sc[-1] > 0 else 1.0
    rr = [r if isinstance(r, (tuple, list)) else (r, r) for r in radii]
    fa = pchip([x * scale for x in sc], [r[0] for r in rr])
    fb = pchip([x * scale for x in sc], [r[1] for r in rr])
    tans = []
    for i in range(len(pts)):
        a, b = pts[max(i - 1, 0)], pts[min(i + 1, len(pts) - 1)]
        tans.append(vnorm(vsub(b, a)))
    if hint is None:
        hint = (0.0, 0.0, 1.0) if abs(tans[0][2]) < 0.9 else (1.0, 0.0, 0.0)
    nrm = vsub(hint, vmul(tans[0], vdot(hint, tans[0])))
    if vlen(nrm) < 1e-6:
        nrm = frame_from(tans[0], (0.0, 1.0, 0.0))[0]
    nrm = vnorm(nrm)
    rings = []
    for i, p in enumerate(pts):
        t = tans[i]
        nrm = vnorm(vsub(nrm, vmul(t, vdot(nrm, t))))  # parallel transport
        bin_ = vcross(t, nrm)
        ra, rb = fa(s[i]), fb(s[i])
        ring = []
        for k in range(n_around):
            x, y = superellipse_xy(2.0 * math.pi * k / n_around, ra, ra, rb, rb, expo, expo)
            ring.append(vadd(p, vadd(vmul(nrm, x), vmul(bin_, y))))
        rings.append(ring)
    h0 = cap_scale * min(fa(0.0), fb(0.0))
    h1 = cap_scale * min(fa(s[-1]), fb(s[-1]))
    r0, p0 = dome(rings[0], vmul(tans[0], -1.0), h0, cap_steps)
    r1, p1 = dome(rings[-1], tans[-1], h1, cap_steps)
    return loft(list(reversed(r0)) + rings + r1, p0, p1)


# ==============================================================================================
# Landmarks (anatomy.md; LEFT side for paired structures)
# ==============================================================================================

L = {
    "pternion": (5.0, 0.0, 3.5),                  # A3 #1
    "medial_malleolus": (1.6, -7.0, 8.0),         # A3 #3, tip z 6.5
    "lateral_malleolus": (8.6, -5.5, 7.0),        # A3 #4, tip z 5.5
    "ankle_centre": (5.0, -6.5, 7.5),             # A3 #5 (talar dome)
    "mt1_head": (2.6, -19.2, 2.0),                # A3 #6
    "hallux_tip": (3.0, -26.6, 1.5),              # A3 #7
    "knee_centre": (6.9, -9.0, 49.5),             # A3 #8
    "joint_line_medial": (2.2, -11.0, 47.5),      # A3 #9
    "joint_line_lateral": (11.6, -10.5, 47.5),    # A3 #10
    "patella": (6.9, -14.5, 51.0),                # A3 #11, medial border x 4.8, lower pole z 49
    "tibial_tuberosity": (7.3, -13.5, 44.5),      # A3 #12
    "fibular_head": (11.0, -7.3, 45.5),           # A3 #13
    "medial_epicondyle": (2.1, -9.0, 49.5),       # A3 #15
    "adductor_tubercle": (2.5, -8.5, 52.5),       # A3 #15
    "femoral_head": (8.8, -12.0, 92.0),           # A3 #17
    "trochanter_lateral": (15.0, -11.5, 92.5),    # A3 #18
    "trochanter_tip": (13.4, -11.5, 92.8),        # A3 #18
    "asis": (12.2, -17.4, 99.4),                  # A3 #19
    "pubic_tubercle": (2.2, -17.5, 92.0),         # A3 #20
    "symphysis_top": (0.0, -17.0, 92.3),          # A3 #21
    "iliac_crest_top": (13.5, -10.0, 106.0),      # A3 #26
    "sacral_promontory": (0.0, -11.5, 100.0),     # A3 #27
    "s1_endplate": (0.0, -9.6, 101.5),            # A2.3
    "right_atrium": (-2.0, -14.5, 131.5),         # A3 #36 (real x)
    "xiphisternal": (0.0, -20.5, 127.5),          # A3 #37
    "sternal_angle": (0.0, -18.0, 138.3),         # A3 #38
    "jugular_notch": (0.0, -15.8, 143.0),         # A3 #39
    "acromion": (19.5, -10.0, 143.5),             # A3 #41
    "thyroid_cartilage": (0.0, -17.0, 154.0),     # A3 #42
    "gonion": (5.0, -13.5, 157.0),                # A3 #44
    "mastoid": (5.3, -9.5, 159.5),                # A3 #45
    "tragion": (7.0, -11.5, 162.0),               # A3 #47
    "umbilicus": (0.0, -22.0, 108.5),             # A3 #48
    "nipple": (10.0, -23.0, 127.0),               # A3 #49
    "c7_spinous": (0.0, -3.0, 149.8),             # A3 #50
    "right_dome": (-9.0, -13.0, 129.5),           # A3 #53 (real x)
}

# A2.3 vertebral stack: (name, centre y, centre z, anterior-surface y, body height EST, width EST).
# Heights: lumbar 2.6-2.8 (A2.3 assumption), thoracic / cervical = centre spacing - disc.
# Widths: typical adult male body breadths (L5 5.0 ... T6 3.0 ... C3 2.1), EST.
VERTEBRAE = [
    ("L5", -10.7, 103.9, -12.5, 2.75, 5.0),
    ("L4", -11.4, 107.9, -13.2, 2.8, 4.9),
    ("L3", -11.6, 111.9, -13.4, 2.75, 4.8),
    ("L2", -10.9, 115.7, -12.6, 2.7, 4.6),
    ("L1", -9.9, 119.3, -11.3, 2.6, 4.4),   # A2.3 anterior -11.3: depth 2.8 (aorta A5 lies on it)
    ("T12", -8.7, 122.6, -10.1, 2.3, 4.0),
    ("T11", -7.8, 125.4, -9.2, 2.2, 3.7),
    ("T10", -7.1, 128.1, -8.5, 2.1, 3.5),
    ("T9", -6.5, 130.7, -7.9, 2.05, 3.3),
    ("T8", -6.2, 133.3, -7.6, 2.0, 3.2),
    ("T7", -6.1, 135.8, -7.5, 1.95, 3.1),
    ("T6", -6.2, 138.2, -7.6, 1.85, 3.0),
    ("T5", -6.5, 140.5, -7.9, 1.75, 2.9),
    ("T4", -7.0, 142.6, -8.4, 1.65, 2.8),
    ("T3", -7.6, 144.7, -9.0, 1.6, 2.8),
    ("T2", -8.4, 146.7, -9.8, 1.55, 2.9),
    ("T1", -9.2, 148.6, -10.6, 1.5, 3.0),
    ("C7", -10.1, 150.4, -10.9, 1.2, 2.6),
    ("C6", -10.6, 152.0, -11.4, 1.05, 2.4),
    ("C5", -11.0, 153.5, -11.8, 1.05, 2.3),
    ("C4", -11.1, 155.0, -11.9, 1.05, 2.2),
    ("C3", -11.0, 156.5, -11.8, 1.05, 2.1),
    ("C2", -10.8, 158.0, -11.6, 1.3, 2.0),
]
C1_ANTERIOR_ARCH = (0.0, -10.6, 159.3)  # A2.3

# ==============================================================================================
# 1. Skin
# ==============================================================================================
# Stacked rings lofted into closed parts: two legs (ankle -> upper thigh), two feet (heel ->
# toes, lofted along y), the trunk with neck and head (perineum -> vertex), two arms hanging at
# the sides. Legs and arms overlap the trunk (the skin is drawn translucent).
#
# Leg rings: asymmetric superellipses, centre (cx, cy), half-extents towards medial (xn: -x for
# the left leg), lateral (xp), anterior (ya: -y), posterior (yp); exponents ea (anterior half),
# ep (posterior half). Anchors: A2.2 thigh/calf centroids and radii (z 84, 75, 66, 58, 36, 26),
# calf depth 12.5 and girth 37-38 at z 36, ankle minimum girth 22-23, knee breadth ~10 and
# depth 12 at the joint line (y -15 -> -2.5), popliteal crease y -2.5 (A3 #14), bony landmarks
# A3 #3-#13 covered by 0.4-1 cm of soft tissue. Superficial veins of default.json (GSV, SSV,
# AASV) are 0.3-1 cm under the surface (A4.1 gives their depths).

LEG_KEYS = KeyTable(
    ("cx", "cy", "xn", "xp", "ya", "yp", "ea", "ep"),
    [
        (3.0, 5.0, -5.2, 3.0, 2.8, 4.6, 4.0, 3.2, 2.6),
        (5.0, 5.05, -5.8, 4.2, 4.6, 5.8, 5.0, 3.6, 2.6),
        (8.0, 5.0, -6.2, 4.0, 4.6, 5.2, 5.2, 3.2, 2.6),     # malleoli: skin x 1.0 .. 9.6
        (12.0, 5.4, -5.6, 3.65, 3.9, 4.6, 5.0, 2.6, 2.6),
        (14.5, 5.7, -5.2, 3.95, 3.75, 4.0, 4.7, 2.4, 2.4),  # narrowest: girth ~25 (A2.2: 22-23; vessels and fibula need it)
        (20.0, 6.0, -4.6, 4.35, 4.4, 4.7, 5.1, 2.1, 2.3),
        (26.0, 6.0, -4.4, 5.3, 5.0, 5.3, 5.8, 1.9, 2.2),   # A2.2 calf z 26: (6.0,-4.3) r 5.4
        (31.0, 6.15, -4.45, 5.7, 5.6, 5.9, 6.1, 2.0, 2.2),
        (36.0, 6.3, -4.5, 5.9, 6.0, 6.25, 6.3, 2.0, 2.2),  # A2.2 calf max: (6.3,-4.5) r 6.0, depth 12.5
        (40.0, 6.6, -5.8, 5.7, 5.8, 6.4, 6.9, 2.0, 2.4),
        (44.0, 6.8, -7.2, 5.4, 5.6, 7.0, 6.8, 2.0, 2.6),   # tibial tuberosity (A3 #12) under ~0.7 cm
        (47.5, 6.95, -8.75, 5.05, 5.5, 6.25, 6.25, 2.0, 2.6),  # joint line: y -15 .. -2.5 (A2.2)
        (51.0, 6.9, -9.25, 5.2, 5.3, 7.0, 6.95, 1.8, 2.5),  # patella (A3 #11) under 0.6 cm
        (58.0, 7.8, -9.8, 6.6, 6.8, 6.7, 6.8, 2.0, 2.1),   # A2.2 thigh z 58: (7.8,-9.8) r 6.7
        (66.0, 8.4, -10.3, 7.4, 7.4, 7.6, 7.5, 2.0, 2.1),  # z 66: (8.4,-10.3) r 7.5
        (75.0, 9.2, -11.0, 8.4, 8.2, 8.9, 8.7, 2.0, 2.1),  # z 75: (9.2,-11.0) r 8.6
        (84.0, 9.5, -11.5, 8.6, 8.3, 9.4, 9.2, 2.0, 2.1),  # z 84: (9.5,-11.5) r 9.0
        (86.5, 9.5, -11.45, 8.3, 8.1, 9.1, 8.9, 2.0, 2.1), # top (+ dome), inside the trunk's lobes
    ],
)


def leg_ring(z, n):
    k = LEG_KEYS.at(z)
    return plane_ring((k["cx"], k["cy"], z), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), n,
                      k["xn"], k["xp"], k["ya"], k["yp"], k["ea"], k["ep"])


def build_leg_skin(n=40, dz=1.5):
    zs, z = [], LEG_KEYS.lo
    while z < LEG_KEYS.hi - 1e-6:
        zs.append(z)
        z += dz
    zs.append(LEG_KEYS.hi)
    return loft_with_domes([leg_ring(z, n) for z in zs], 1.0, 1.5, steps=4)


# Foot: rings in x-z planes along y (heel y 0 -> hallux tip y -26.6, A3 #1, #7); breadth 9.6
# (A2.1) at the metatarsal heads (A3 #6), flat sole at z 0, dorsum under the ankle 7.5 high,
# over the dorsal venous arch (A4.1: apex (5.5,-17,5)) 5.6 high. Ring fields: centre x, centre z,
# half-width medial/lateral, depth down/up, exponents (sole half, dorsum half).
FOOT_KEYS = KeyTable(
    ("cx", "zb", "zc", "zt", "xn", "xp", "ed", "eu"),
    [
        (-0.3, 5.0, 0.45, 3.6, 5.6, 2.4, 2.4, 3.2, 2.4),
        (-2.0, 5.0, 0.0, 3.6, 6.6, 3.1, 3.2, 3.4, 2.4),
        (-5.0, 5.05, 0.0, 3.8, 7.6, 3.5, 4.3, 3.6, 2.6),
        (-8.5, 5.2, 0.0, 3.8, 7.9, 4.1, 4.6, 3.8, 3.2),
        (-11.0, 5.35, 0.0, 3.6, 7.6, 4.3, 4.7, 4.0, 3.5),   # talar neck: GSV over the medial side
        (-13.5, 5.5, 0.0, 3.3, 6.6, 4.3, 4.75, 4.0, 3.2),
        (-16.0, 5.65, 0.0, 3.0, 6.0, 4.4, 4.7, 4.0, 2.6),
        (-19.2, 5.8, 0.0, 2.3, 4.6, 4.6, 4.6, 4.0, 2.6),    # metatarsal heads: x 1.2 .. 10.4
        (-22.0, 5.2, 0.05, 1.85, 3.65, 4.0, 4.2, 3.4, 2.6),
        (-25.0, 4.3, 0.25, 1.6, 2.7, 3.1, 2.7, 2.8, 2.4),
    ],
)


def foot_ring(y, n):
    k = FOOT_KEYS.at(y)
    return plane_ring((k["cx"], y, k["zc"]), (1.0, 0.0, 0.0), (0.0, 0.0, 1.0), n, k["xn"], k["xp"],
                      k["zc"] - k["zb"], k["zt"] - k["zc"], k["ed"], k["eu"])


def build_foot_skin(n=28, dy=1.0):
    rings, y = [], FOOT_KEYS.hi
    while y > FOOT_KEYS.lo + 1e-6:
        rings.append(foot_ring(y, n))
        y -= dy
    rings.append(foot_ring(FOOT_KEYS.lo, n))
    return loft_with_domes(rings, 0.35, 1.5, steps=4)


# Trunk, neck and head: rings found along rays from (0, c) of an implicit 2D section: the body
# superellipse (half-width W, anterior skin y `front`, posterior skin y `back`, widest at y = c)
# smoothly united below z 100 with two buttock/upper-thigh lobes (mirrored). Anchors: hip
# breadth 34-36 (A2.2; 36 used so that the A2.2 thigh rings fit under it), bi-iliac breadth
# (crest x +-14 + skin), ASIS (A3 #19) ~1.3 cm deep, umbilicus y -22 (A3 #48; waist depth 20.5),
# chest depth 25 (A2.2) with the nipples (A3 #49) on the surface, sternal angle and jugular
# notch (A3 #38-39), shoulders (acromion A3 #41), C7 spinous (A3 #50) ~1 cm deep, neck
# diameter ~12 at C6 centred (0,-11) (A4.9), thyroid cartilage (A3 #42), chin (menton 152.3),
# gonion, mastoid, tragion (A3 #44-47), vertex 175. The posterior body line (A1.2: heels,
# buttocks, upper back at y 0..+2). Liver (A3 #52) right border needs W >= 16.8 at z 118-128.
TRUNK_KEYS = KeyTable(
    ("W", "front", "back", "c", "ea", "ep"),
    [
        (81.0, 3.5, -14.0, -7.5, -10.5, 2.4, 2.4),
        (84.0, 8.0, -17.5, -4.5, -10.5, 2.4, 2.4),
        (88.0, 13.0, -20.0, -2.0, -10.0, 2.6, 2.4),
        (92.0, 18.0, -20.1, 1.2, -9.5, 3.0, 2.4),
        (96.0, 17.6, -20.4, 1.0, -9.5, 3.0, 2.4),
        (100.0, 16.8, -21.1, 0.0, -9.5, 2.8, 2.6),
        (104.0, 15.9, -21.7, -1.0, -10.0, 2.6, 2.8),
        (108.0, 15.4, -22.6, -2.0, -10.5, 2.9, 3.0),
        (112.0, 16.0, -22.8, -2.6, -11.0, 3.5, 3.0),
        (118.0, 17.2, -22.7, -2.3, -11.0, 3.5, 3.0),
        (123.0, 17.4, -22.9, -1.3, -10.5, 3.3, 3.0),
        (127.0, 17.4, -23.7, 0.4, -10.5, 3.1, 3.0),
        (132.0, 17.4, -22.8, 1.5, -10.0, 3.0, 3.0),
        (137.0, 17.0, -21.1, 2.0, -9.5, 2.8, 3.0),
        (141.0, 17.4, -18.5, 1.6, -9.5, 2.6, 3.0),
        (143.5, 17.6, -16.9, 0.6, -9.0, 2.4, 3.0),
        (145.5, 14.5, -16.3, -0.5, -9.5, 2.3, 2.6),
        (147.5, 10.5, -16.3, -1.6, -10.0, 2.2, 2.4),
        (149.5, 7.6, -16.6, -1.8, -10.5, 2.2, 2.4),
        (152.0, 6.1, -17.2, -4.6, -11.0, 2.2, 2.2),
        (154.0, 6.3, -19.0, -5.0, -11.5, 2.0, 2.2),
        (156.0, 6.4, -20.2, -4.9, -11.8, 2.1, 2.2),
        (158.0, 6.75, -20.8, -4.4, -11.8, 2.2, 2.2),
        (160.0, 7.2, -21.2, -3.4, -11.5, 2.2, 2.2),
        (162.0, 7.6, -21.4, -2.2, -11.5, 2.2, 2.2),
        (165.0, 7.8, -21.2, -1.5, -11.0, 2.2, 2.2),
        (168.0, 7.6, -20.4, -1.6, -11.0, 2.2, 2.2),
        (171.0, 6.7, -18.8, -2.4, -10.8, 2.2, 2.2),
        (173.2, 5.0, -16.5, -4.0, -10.5, 2.2, 2.2),
    ],
)

# Left buttock / upper-thigh lobe of the lower trunk (centre cx, cy; half-extents as LEG_KEYS).
# At z 81 it lies just inside the thigh (so the trunk surface emerges from the thighs at the
# gluteal fold, z ~82); above, it grows posteriorly into the buttock (A1.2: y ~ +1 at z 92).
LOBE_KEYS = KeyTable(
    ("cx", "cy", "xn", "xp", "ya", "yp"),
    [
        (81.0, 9.4, -11.4, 8.0, 7.9, 8.8, 8.6),
        (84.0, 9.5, -11.3, 8.6, 8.5, 9.5, 9.9),
        (88.0, 9.3, -10.8, 8.8, 8.8, 9.8, 11.6),
        (92.0, 9.0, -10.2, 8.0, 9.0, 9.7, 11.4),
        (96.0, 8.5, -9.8, 7.0, 8.9, 9.5, 10.6),
        (100.0, 8.0, -9.5, 5.0, 8.0, 8.0, 9.0),
    ],
)


def trunk_field(z):
    k = TRUNK_KEYS.at(z)
    c = k["c"]
    body = (k["W"], k["W"], c - k["front"], k["back"] - c, k["ea"], k["ep"])
    lobe = LOBE_KEYS.at(z) if z < LOBE_KEYS.hi else None

    def f(x, y):
        d = superellipse_inside(x, y - c, *body)
        if lobe is not None:
            for s in (1.0, -1.0):
                dl = superellipse_inside(s * x - lobe["cx"], y - lobe["cy"], lobe["xn"], lobe["xp"],
                                         lobe["ya"], lobe["yp"], 2.2, 2.2)
                d = smin(d, dl, 1.5)
        return d
    return f, c


def trunk_ring(z, n):
    f, c = trunk_field(z)
    ring = []
    for k in range(n):
        th = 2.0 * math.pi * k / n
        dx, dy = math.cos(th), math.sin(th)
        r = 30.0
        while r > 0.0 and f(r * dx, c + r * dy) > 0.0:  # outermost crossing, from outside
            r -= 0.25
        lo, hi = r, r + 0.25
        for _ in range(20):
            mid = 0.5 * (lo + hi)
            if f(mid * dx, c + mid * dy) > 0.0:
                hi = mid
            else:
                lo = mid
        r = 0.5 * (lo + hi)
        ring.append((r * dx, c + r * dy, z))
    return ring


def build_trunk_skin(n=60, dz=1.5):
    zs, z = [], TRUNK_KEYS.lo
    while z < TRUNK_KEYS.hi - 1e-6:
        zs.append(z)
        z += dz
    zs.append(TRUNK_KEYS.hi)
    rings = [trunk_ring(z, n) for z in zs]
    return loft_with_domes(rings, 0.8, 1.8, steps=5)


# Arm (left), hanging at the side, palm forward (A1.2). EST: shoulder top z ~145 over the
# acromion (A3 #41), bideltoid breadth 46.5 (A2.2), elbow z ~108, wrist z ~86, fingertips z ~66
# (typical 0.63H / 0.49H / 0.38H), upper-arm girth ~31, forearm ~28, wrist ~17, hand breadth
# 8.6 (in x, palm forward) and thickness ~3.
ARM_KEYS = KeyTable(
    ("cx", "cy", "xn", "xp", "ya", "yp"),
    [
        (67.0, 22.9, -10.0, 3.6, 3.6, 1.0, 1.0),
        (70.0, 22.9, -10.0, 3.9, 3.9, 1.25, 1.25),
        (75.0, 22.8, -9.8, 4.2, 4.2, 1.55, 1.55),
        (81.0, 22.6, -9.6, 4.3, 4.3, 1.8, 1.8),
        (86.0, 22.4, -9.5, 3.0, 3.0, 2.0, 2.0),
        (92.0, 22.2, -9.5, 3.4, 3.4, 2.6, 2.6),
        (101.0, 21.8, -9.4, 4.1, 4.1, 3.7, 3.7),
        (108.0, 21.4, -9.3, 4.2, 4.3, 3.8, 3.8),
        (113.0, 21.2, -9.4, 4.2, 4.2, 4.2, 4.2),
        (121.0, 21.0, -9.6, 4.5, 4.5, 4.9, 4.9),
        (130.0, 20.6, -9.8, 4.6, 4.6, 5.2, 5.2),
        (138.0, 20.0, -10.0, 4.5, 3.9, 5.3, 5.3),
        (143.0, 19.5, -10.0, 4.0, 4.3, 5.3, 5.3),
    ],
)


def build_arm_skin(n=24, dz=1.5):
    rings, z = [], ARM_KEYS.lo
    while z < ARM_KEYS.hi + 1e-6:
        k = ARM_KEYS.at(z)
        rings.append(plane_ring((k["cx"], k["cy"], z), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), n,
                                k["xn"], k["xp"], k["ya"], k["yp"], 2.2, 2.2))
        z += dz
    return loft_with_domes(rings, 1.2, 2.2, steps=4)


def build_skin():
    left = Mesh("skin_left", [build_leg_skin(), build_foot_skin(), build_arm_skin()])
    skin = Mesh("skin")
    skin.add(left, left.mirrored("skin_right"), build_trunk_skin())
    return skin


# ==============================================================================================
# 2. Bones
# ==============================================================================================
# 2a. Spine: C1 (ring), C2-C7, T1-T12, L1-L5. Each body is a rounded cylinder (superellipsoid)
# at its A2.3 centre, its axis along the local curve of the stack (so the endplates follow the
# lordosis / kyphosis), its anterior surface on the A2.3 anterior-surface y; height and width in
# VERTEBRAE. Posterior elements (EST, typical proportions): pedicles + laminae as one U-shaped
# rod round the vertebral canal, spinous process (lumbar: hatchet-shaped, nearly horizontal;
# thoracic: long, sloping down steeply mid-thorax; C7 ending at the A3 #50 spinous point),
# transverse processes (L5: short, thick and conical, a simplified "identify L5" cue; L3 the
# longest; C3-C6: a bony ring round the transverse foramen through which the A4.9 vertebral vein
# runs), articular pillars. C2 carries the dens. Pedicles leave the upper half of the body, so
# the intervertebral foramina lie below them; the canal leaves room for the epidural venous
# plexus (A4.9). Bodies are slightly waisted (the A2.3 anterior surface is met at the endplate
# rims); intervertebral discs fill the gaps (part of spine.obj).

LUMBAR = {"L1", "L2", "L3", "L4", "L5"}
CERVICAL = {"C2", "C3", "C4", "C5", "C6", "C7"}
# A4.9 vertebral vein (left): it runs through the transverse foramina of C1-C6 and leaves C6;
# the foramina of C2-C6 are placed on it (linear in z between the waypoints).
VERTEBRAL_VEIN = [(3.0, -10.6, 152.0), (2.8, -10.8, 155.0), (2.9, -10.6, 157.5), (3.8, -10.3, 159.0)]


def on_polyline_z(pts, z):
    for a, b in zip(pts, pts[1:]):
        if a[2] <= z <= b[2]:
            return vlerp(a, b, (z - a[2]) / (b[2] - a[2]))
    return pts[0] if z < pts[0][2] else pts[-1]


def spine_axis(i):
    """Unit tangent (upwards) of the vertebral stack at VERTEBRAE[i] (S1 endplate below L5)."""
    pts = [(0.0, L["s1_endplate"][1], L["s1_endplate"][2])] + [(0.0, v[1], v[2]) for v in VERTEBRAE]
    j = i + 1
    a, b = pts[j - 1], pts[min(j + 1, len(pts) - 1)]
    return vnorm(vsub(b, a))


def closed_loop_tube(path, radii, n=8):
    """Tube along a closed, roughly horizontal loop (ring-shaped parts: atlas, foramina)."""
    m = len(path)
    rings = []
    for k in range(m):
        t = vnorm(vsub(path[(k + 1) % m], path[k - 1]))
        nn = vnorm(vcross(t, (0.0, 0.0, 1.0)))
        b = vcross(nn, t)
        rings.append([vadd(path[k], vadd(vmul(nn, radii[k] * math.cos(2 * math.pi * j / n)),
                                          vmul(b, radii[k] * math.sin(2 * math.pi * j / n)))) for j in range(n)])
    verts, tris = [], []
    for r in rings:
        verts.extend(r)
    for i in range(m):
        i1 = (i + 1) % m
        for j in range(n):
            j1 = (j + 1) % n
            a, b, c, d = i * n + j, i * n + j1, i1 * n + j1, i1 * n + j
            tris.append((a, b, c))
            tris.append((a, c, d))
    return Shell(verts, tris)


def vertebra(i):
    name, yc, zc, y_ant, h, w = VERTEBRAE[i]
    axis = spine_axis(i)
    frame = frame_from(axis, (1.0, 0.0, 0.0))      # ex lateral (left), ey posterior, ez along axis
    half_d = yc - y_ant                            # anterior surface on the A2.3 value
    c = (0.0, yc, zc)
    lumbar, cerv = name in LUMBAR, name in CERVICAL
    shells = []
    wedge = 0.16 if name == "L5" else 0.0  # L5 taller in front (lumbosacral wedge)

    def wedge_fn(p):  # wedge, and a waist: the mid-height rim recedes ~10% (anterior surface
        # values of A2.3 are taken at the endplate rims)
        k = 1.0 - (0.1 if not cerv else 0.05) * (1.0 - (2.0 * p[2] / h) ** 2)
        return (p[0] * k, p[1] * k, p[2] * (1.0 - wedge * p[1] / half_d))

    def W(p):
        return to_world(c, frame, p)
    up = W_dir(frame, (0.0, 0.0, 1.0))
    shells.append(superellipsoid(c, (w / 2.0, half_d, h / 2.0), 0.32, 0.85, frame, 6, wedge_fn))

    # posterior elements in the body's local frame (x lateral, y posterior, z axial). The arch
    # leaves the upper half of the body (the intervertebral foramina lie below the pedicles) and
    # encloses a canal wide enough for the epidural venous plexus (A4.9: x +-0.8, y centre +2.3
    # lumbar / +2.1 thoracic / +1.5 cervical).
    yb = half_d * 0.92                                     # posterior body wall
    canal = 1.8 if lumbar else 1.5 if not cerv else 1.4    # canal AP depth (EST)
    pw = 1.5 if lumbar else 1.3 if not cerv else 1.3       # pedicle x (canal half-width + wall)
    pr = (0.4, 0.5) if lumbar else (0.28, 0.38) if not cerv else (0.22, 0.3)
    zl = 0.34 * h
    arch = [(-pw, yb - 0.5, zl), (-pw, yb + 0.6 * canal, zl), (-0.75 * pw, yb + canal, 0.1 * h),
            (0.0, yb + canal + 0.35, 0.0), (0.75 * pw, yb + canal, 0.1 * h),
            (pw, yb + 0.6 * canal, zl), (pw, yb - 0.5, zl)]
    shells.append(tube([W(p) for p in arch], [pr] * len(arch), n_around=6, ds=1.0, hint=up, cap_steps=2))
    # spinous process
    root = (0.0, yb + canal + 0.25, 0.0)
    if lumbar:
        length, ang, rad = {"L5": 2.4, "L4": 2.9, "L3": 3.1, "L2": 3.1, "L1": 3.0}[name], 8.0, (0.32, 0.75)
    elif cerv:
        length, ang, rad = (2.4, 15.0, (0.3, 0.45)) if name == "C2" else (1.6, 25.0, (0.2, 0.3))
    else:
        k = int(name[1:])
        ang = {1: 20, 2: 30, 3: 40, 4: 50, 5: 58, 6: 62, 7: 62, 8: 60, 9: 52, 10: 42, 11: 30, 12: 18}[k]
        length, rad = 3.4 + (0.4 if 5 <= k <= 9 else 0.0), (0.25, 0.42)
    tipdir = (0.0, math.cos(math.radians(ang)), -math.sin(math.radians(ang)))
    tip = vadd(root, vmul(tipdir, length))
    if name == "C7":  # A3 #50: spinous tip at (0, -3.0, 149.8)
        tip = to_local(c, frame, L["c7_spinous"])
        tip = (0.0, tip[1] - 0.45, tip[2])
        rad = (0.3, 0.45)
    mid = vlerp(root, tip, 0.55)
    shells.append(tube([W(root), W(mid), W(tip)], [rad, rad, (rad[0] * 0.8, rad[1] * 0.9)],
                       n_around=6, ds=1.0, hint=frame[0], cap_steps=2))
    # transverse processes (lumbar: from the pedicle-lamina junction, behind the ascending lumbar
    # veins (A4.5 "in front of the roots of the transverse processes"))
    for s in (-1.0, 1.0):
        if lumbar:
            span = {"L5": 3.9, "L4": 4.3, "L3": 4.8, "L2": 4.5, "L1": 3.9}[name]
            tp_r = [(0.6, 0.75), (0.42, 0.5)] if name == "L5" else [(0.35, 0.4), (0.28, 0.32)]
            pts = [(s * pw, yb + 0.85 * canal, zl), (s * span, yb + 0.85 * canal + 0.4, zl + 0.3)]
        elif cerv and name not in ("C7", "C2"):
            # transverse foramen round the vertebral vein: a bony ring joined to the body
            vv = on_polyline_z(VERTEBRAL_VEIN, zc)
            fc = to_local(c, frame, (s * vv[0], vv[1], vv[2]))
            fc = (fc[0], fc[1], 0.05 * h)
            loop = []
            for k in range(16):
                a = 2.0 * math.pi * k / 16
                loop.append(W((fc[0] + 0.6 * math.cos(a), fc[1] + 0.52 * math.sin(a), fc[2])))
            shells.append(closed_loop_tube(loop, [0.17] * 16, 6))
            pts = [(s * 0.35 * w, 0.0, 0.05 * h), (fc[0] - s * 0.55, fc[1] * 0.5, 0.05 * h)]
            tp_r = [(0.3, 0.32), (0.18, 0.2)]
        elif cerv:  # C7 (no vertebral artery in its foramen); C2: short process (the A4.9 IJV
            # and vertebral vein overlap each other at this level)
            span = 3.1 if name == "C7" else 2.1
            pts = [(s * pw, yb + 0.2 * canal, zl), (s * span, yb + 0.2 * canal - 0.2, zl)]
            tp_r = [(0.3, 0.35), (0.22, 0.25)]
        else:
            span = 3.4 if int(name[1:]) < 11 else 2.8
            tp_r = [(0.35, 0.4), (0.38, 0.42)]
            pts = [(s * pw, yb + 0.7 * canal, zl), (s * span, yb + 0.7 * canal + 1.3, zl + 0.1)]
        shells.append(tube([W(p) for p in pts], tp_r, n_around=6, ds=1.0, hint=up, cap_steps=2))
    # articular pillars (superior + inferior articular processes)
    ar = 0.3
    for s in (-1.0, 1.0):
        x = s * (pw + (0.15 if lumbar else 0.1))
        yy = yb + 0.8 * canal
        pts = [(x, yy, -0.5 * h - 0.3), (x, yy + 0.1, 0.5 * h + 0.35)]
        shells.append(tube([W(p) for p in pts], [ar, ar], n_around=6, ds=1.2, cap_steps=2))
    if name == "C2":  # dens, rising behind the anterior arch of C1
        base = (0.0, -0.15, 0.4 * h)
        top = to_local(c, frame, (0.0, C1_ANTERIOR_ARCH[1] + 1.0, C1_ANTERIOR_ARCH[2] + 0.9))
        shells.append(tube([W(base), W(top)], [0.5, 0.42], n_around=8, ds=0.7, cap_steps=2))
    return shells


def disc(i):
    """Intervertebral disc between VERTEBRAE[i] and the level below (S1 for L5)."""
    _, yc, zc, y_ant, h, w = VERTEBRAE[i]
    if i == 0:  # L5/S1: on the tilted S1 endplate (S1 body 5.0 wide, 3.8 deep)
        below_top = L["s1_endplate"]
        w_b, d_b = 5.0, 3.8
    else:
        _, yb_, zb_, ya_, hb, wb = VERTEBRAE[i - 1]
        ax_b = spine_axis(i - 1)
        below_top = vadd((0.0, yb_, zb_), vmul(ax_b, hb / 2.0))
        w_b, d_b = wb, 2.0 * (yb_ - ya_)
    ax = spine_axis(i)
    top_below = vsub((0.0, yc, zc), vmul(ax, h / 2.0))
    a, b = below_top, top_below
    centre = vlerp(a, b, 0.5)
    thick = vlen(vsub(b, a)) + 0.16
    frame = frame_from(vsub(b, a), (1.0, 0.0, 0.0))
    half_w = 0.47 * (w + w_b) / 2.0
    half_d = 0.47 * ((yc - y_ant) * 2.0 + d_b) / 2.0  # just inside the two bodies' rims
    return superellipsoid(centre, (half_w, half_d, thick / 2.0), 0.45, 0.85, frame, 5)


def W_dir(frame, d):
    return to_world((0.0, 0.0, 0.0), frame, d)


def atlas_c1():
    """C1 as a closed ring (anterior arch at A2.3, lateral masses thicker), EST sizes."""
    ca = C1_ANTERIOR_ARCH
    cy = ca[1] + 2.1
    n_path, pts, rads = 40, [], []
    for k in range(n_path):
        a = 2.0 * math.pi * k / n_path
        x, y = 2.3 * math.cos(a), -2.1 * math.sin(a)
        pts.append((x, cy + y, ca[2] - 0.1 * math.sin(a)))
        rads.append(0.3 + 0.28 * abs(math.cos(a)) ** 3)
    shells = [closed_loop_tube(pts, rads, 8)]
    for s in (-1.0, 1.0):  # transverse processes of the atlas
        shells.append(tube([(s * 2.4, cy, ca[2]), (s * 4.2, cy - 0.5, ca[2])], [0.4, 0.3],
                           n_around=6, ds=0.9, cap_steps=2))
    return shells


def build_spine():
    spine = Mesh("spine")
    for i in range(len(VERTEBRAE)):
        spine.add(*vertebra(i))
        spine.add(disc(i))
    spine.add(*atlas_c1())
    return spine


# 2b. Sacrum and hip bones.
# Sacrum: a wedge lofted along a curved axis from the S1 upper endplate (A2.3 (y -9.6, z 101.5),
# sacral slope ~40 deg so that its anterior edge is the promontory A3 #27) down to the coccyx tip
# (EST (y -7.6, z 87.8): pelvic-outlet AP diameter ~9.5 cm to the lower symphysis). Sections:
# body part deep in front, alae thinner and sloping down (so the common iliac veins formed in
# front of the sacroiliac joints, A4.4, stay free), width 11 cm at S1 tapering to the apex.
SACRUM_AXIS = [(-9.6, 101.5), (-8.5, 100.2), (-7.4, 98.2), (-6.5, 96.2), (-5.95, 94.2),
               (-5.75, 92.4), (-6.0, 90.5), (-6.8, 88.9), (-7.6, 87.9)]
# key: arc length from the S1 endplate. W half-width, ta / tp anterior / posterior half-depth of
# the bodies (S1 AP 3.8), ala: anterior half-depth of the alae; canal: height of the sacral canal
# behind the bodies (the epidural venous plexus continues in it, A4.9), aw: its half-width.
SACRUM_KEYS = KeyTable(
    ("W", "ta", "tp", "ala", "canal", "aw"),
    [(0.0, 5.5, 2.3, 1.5, 0.75, 1.3, 1.9), (2.5, 5.1, 2.0, 1.3, 0.8, 1.15, 1.75),
     (4.8, 4.1, 1.6, 1.0, 0.9, 0.95, 1.5), (7.0, 2.9, 1.25, 0.85, 1.0, 0.7, 1.2),
     (9.0, 1.8, 0.95, 0.75, 1.0, 0.5, 0.9), (11.0, 1.15, 0.65, 0.55, 1.0, 0.4, 0.7),
     (13.5, 0.6, 0.4, 0.35, 1.0, 0.3, 0.5)],
)


def thick_curve_ring(ctrl2d, thick, n_side=10, n_cap=4):
    """Closed 2D outline of a quadratic Bezier band (3 control points) of given thickness with
    rounded ends, as 2*n_side + 2*n_cap points."""
    (x0, y0), (x1, y1), (x2, y2) = ctrl2d

    def bez(t):
        return ((1 - t) ** 2 * x0 + 2 * (1 - t) * t * x1 + t * t * x2,
                (1 - t) ** 2 * y0 + 2 * (1 - t) * t * y1 + t * t * y2)

    def nrm(t):
        dx = 2 * (1 - t) * (x1 - x0) + 2 * t * (x2 - x1)
        dy = 2 * (1 - t) * (y1 - y0) + 2 * t * (y2 - y1)
        l_ = math.hypot(dx, dy)
        return (-dy / l_, dx / l_), (dx / l_, dy / l_)
    r = thick / 2.0
    out = []
    for i in range(n_side):
        t = i / (n_side - 1)
        (nx, ny), _ = nrm(t)
        px, py = bez(t)
        out.append((px + nx * r, py + ny * r))
    (nx, ny), (tx, ty) = nrm(1.0)
    px, py = bez(1.0)
    for j in range(1, n_cap + 1):
        a = math.pi * j / (n_cap + 1)
        out.append((px + r * (nx * math.cos(a) + tx * math.sin(a)), py + r * (ny * math.cos(a) + ty * math.sin(a))))
    for i in range(n_side):
        t = 1.0 - i / (n_side - 1)
        (nx, ny), _ = nrm(t)
        px, py = bez(t)
        out.append((px - nx * r, py - ny * r))
    (nx, ny), (tx, ty) = nrm(0.0)
    px, py = bez(0.0)
    for j in range(1, n_cap + 1):
        a = math.pi * j / (n_cap + 1)
        out.append((px + r * (-nx * math.cos(a) - tx * math.sin(a)), py + r * (-ny * math.cos(a) - ty * math.sin(a))))
    return out


def band_loft(rings, n_side, n_cap):
    """Loft of thick_curve_ring outlines closed by flat end faces triangulated across the band
    (the band is not convex, so a fan to its centroid would not do)."""
    n = len(rings[0])
    A = list(range(n_side))
    E = list(range(n_side, n_side + n_cap))
    B = list(range(n_side + n_cap, 2 * n_side + n_cap))
    S = list(range(2 * n_side + n_cap, n))
    face = []
    for i in range(n_side - 1):
        face.append((A[i], A[i + 1], B[n_side - 2 - i]))
        face.append((A[i], B[n_side - 2 - i], B[n_side - 1 - i]))
    end = [A[-1]] + E + [B[0]]
    face.extend((end[0], end[j], end[j + 1]) for j in range(1, len(end) - 1))
    start = [B[-1]] + S + [A[0]]
    face.extend((start[0], start[j], start[j + 1]) for j in range(1, len(start) - 1))
    verts, tris = [], []
    for r in rings:
        verts.extend(r)
    for i in range(len(rings) - 1):
        o0, o1 = i * n, (i + 1) * n
        for k in range(n):
            k1 = (k + 1) % n
            tris.append((o0 + k, o0 + k1, o1 + k1))
            tris.append((o0 + k, o1 + k1, o1 + k))
    last = (len(rings) - 1) * n
    tris.extend((c, b, a) for a, b, c in face)
    tris.extend((last + a, last + b, last + c) for a, b, c in face)
    return Shell(verts, tris)


def build_sacrum(n=32):
    axis = catmull_rom([(0.0, y, z) for y, z in SACRUM_AXIS], 0.7)
    s = cumulative_lengths(axis)
    body, arch = [], []
    for i, p in enumerate(axis):
        t = vnorm(vsub(axis[min(i + 1, len(axis) - 1)], axis[max(i - 1, 0)]))  # downwards
        ant = vnorm(vcross(t, (1.0, 0.0, 0.0)))   # in the sagittal plane, anterior side
        if ant[1] > 0:
            ant = vmul(ant, -1.0)
        post = vmul(ant, -1.0)
        k = SACRUM_KEYS.at(s[i])
        ring = []
        for j in range(n):
            th = 2.0 * math.pi * j / n
            x, yv = superellipse_xy(th, k["W"], k["W"], k["ta"], k["tp"], 3.0, 2.6)
            if yv < 0:  # anterior side: alae thinner than the bodies (S1-S2)
                g = smoothstep(2.0, 3.8, abs(x))
                yv *= lerp(1.0, k["ala"] / k["ta"], g * (1.0 - smoothstep(4.0, 7.0, s[i])))
            drop = smoothstep(2.2, 5.2, abs(x)) * max(0.0, 1.2 - 0.35 * s[i])  # alae slope down
            q = vadd(p, vadd(vmul((1.0, 0.0, 0.0), x), vmul(post, yv)))
            ring.append(vadd(q, vmul(t, drop)))
        body.append(ring)
        if s[i] <= 9.6:  # dorsal wall of the sacral canal (laminae, median crest), to the hiatus
            aw, tp, ch = k["aw"], k["tp"], k["canal"]
            out2d = thick_curve_ring(((-aw, tp - 0.2), (0.0, tp + 2.0 * ch + 0.4), (aw, tp - 0.2)),
                                     0.75 if s[i] < 7 else 0.6, 9, 3)
            arch.append([vadd(p, vadd(vmul((1.0, 0.0, 0.0), x), vmul(post, yv))) for x, yv in out2d])
    return [loft_with_domes(body, 0.4, 0.4, steps=3), band_loft(arch, 9, 3)]


# Left hip bone (EST shapes on A3 landmarks):
#  * iliac wing: a loft along the iliac crest (ASIS A3 #19 -> crest top A3 #26, bicristal x 14
#    -> posterior superior iliac spine), each section a "stadium" from the crest down to the
#    wing's base (acetabular roof, greater sciatic notch, sacroiliac joint), thin in the iliac
#    fossa, thick at the crest and the base;
#  * acetabulum: a thick hemispherical cup round the femoral head centre (A3 #17), opening
#    laterally, anteriorly and downwards (inclination ~45 deg, anteversion ~20 deg);
#  * pubis: superior ramus from the cup to the pubic tubercle (A3 #20, passing behind the common
#    femoral vein), body at the symphysis (A3 #21), inferior ramus;
#  * ischium: body from the cup to the ischial tuberosity (EST (6.2, -7.6, 85.2)), ischial ramus
#    joining the inferior pubic ramus round the obturator foramen.
CREST = [L["asis"], (13.7, -15.4, 102.8), (14.2, -12.8, 105.0), L["iliac_crest_top"],
         (11.8, -7.3, 105.5), (9.4, -5.5, 104.3), (7.1, -4.6, 102.7), (5.3, -4.3, 100.4)]
WING_BASE = [(11.0, -15.9, 96.4), (10.9, -14.8, 95.4), (10.5, -13.2, 94.8), (10.0, -11.3, 94.8),
             (8.8, -9.2, 95.6), (7.5, -7.9, 97.2), (6.3, -6.6, 98.4), (5.5, -5.4, 99.2)]
WING_T = KeyTable(("crest", "mid", "base"),  # thickness (cm) along the crest, u 0..1
                  [(0.0, 1.2, 1.2, 1.6), (0.3, 1.1, 0.5, 2.2), (0.6, 1.2, 0.6, 2.4),
                   (0.8, 1.6, 1.8, 2.6), (1.0, 2.0, 2.6, 2.6)])


def build_iliac_wing(stations=26, n_side=9, n_cap=4):
    crest = catmull_rom(CREST, 0.3)
    base = catmull_rom(WING_BASE, 0.3)
    sc, sb = cumulative_lengths(crest), cumulative_lengths(base)

    def at(pts, s, u):
        target = u * s[-1]
        i = min(max(bisect.bisect_right(s, target) - 1, 0), len(pts) - 2)
        t = (target - s[i]) / max(1e-9, s[i + 1] - s[i])
        return vlerp(pts[i], pts[i + 1], t)
    rings = []
    for k in range(stations):
        u = k / (stations - 1)
        C, B = at(crest, sc, u), at(base, sb, u)
        du = 1.0 / (stations - 1)
        Tc = vnorm(vsub(at(crest, sc, min(1.0, u + du)), at(crest, sc, max(0.0, u - du))))
        S = vsub(B, C)
        Ls = vlen(S)
        Sh = vnorm(S)
        N = vnorm(vcross(Tc, Sh))
        t = WING_T.at(u)

        def thick(v):  # quadratic through crest / mid / base thickness
            a, m_, b = t["crest"], t["mid"], t["base"]
            return a * (1 - v) * (1 - 2 * v) + 4 * m_ * v * (1 - v) + b * v * (2 * v - 1)
        r0, r1 = thick(0.0) / 2, thick(1.0) / 2
        a_, b_ = r0, Ls - r1
        ring2d = []
        for i in range(n_side):
            s_ = a_ + (b_ - a_) * i / (n_side - 1)
            ring2d.append((s_, thick(s_ / Ls) / 2))
        for j in range(1, n_cap + 1):
            al = math.pi * j / (n_cap + 1)
            ring2d.append((b_ + r1 * math.sin(al), r1 * math.cos(al)))
        for i in range(n_side):
            s_ = b_ - (b_ - a_) * i / (n_side - 1)
            ring2d.append((s_, -thick(s_ / Ls) / 2))
        for j in range(1, n_cap + 1):
            al = math.pi * j / (n_cap + 1)
            ring2d.append((a_ - r0 * math.sin(al), -r0 * math.cos(al)))
        rings.append([vadd(C, vadd(vmul(Sh, s_), vmul(N, w_))) for s_, w_ in ring2d])
    return loft_with_domes(rings, 0.5, 0.6, steps=3)


ACETABULUM_AXIS = vnorm((0.65, -0.3, -0.7))  # opening: lateral, anterior, inferior (EST)


def build_acetabulum(r_in=2.65, r_out=3.35, open_deg=92.0, n_around=28):
    prof = []
    am = math.radians(open_deg)
    steps = 10
    for i in range(steps + 1):
        a = am * i / steps
        prof.append((r_out * math.sin(a), -r_out * math.cos(a)))
    rr, rc = 0.5 * (r_out - r_in), 0.5 * (r_out + r_in)
    for j in range(1, 5):  # rounded rim
        b = math.pi * j / 5
        rho = rc + rr * math.cos(b)
        prof.append((rho * math.sin(am) + rr * math.sin(b) * math.cos(am),
                     -rho * math.cos(am) + rr * math.sin(b) * math.sin(am)))
    for i in range(steps, -1, -1):
        a = am * i / steps
        prof.append((r_in * math.sin(a), -r_in * math.cos(a)))
    return lathe(prof, L["femoral_head"], ACETABULUM_AXIS, n_around)


def build_hip_bone_left():
    shells = [build_iliac_wing(), build_acetabulum()]
    # superior pubic ramus: acetabulum -> pubic tubercle / body
    shells.append(tube([(8.4, -12.8, 93.6), (7.4, -13.2, 93.2), (5.8, -13.95, 92.6), (4.0, -15.2, 92.0),
                        (2.5, -16.9, 91.8), (1.4, -16.8, 91.2)],
                       [(0.95, 1.05), (0.85, 0.95), (0.75, 0.85), (0.72, 0.8), (0.8, 0.8), (0.8, 0.8)],
                       n_around=12, ds=0.5, hint=(0.0, 0.0, 1.0)))
    # body of the pubis at the symphysis (upper border z 92.3, A3 #21), tilted with the symphysis
    fr = frame_from((0.05, -0.31, 0.95), (1.0, 0.0, 0.0))
    shells.append(ellipsoid((1.25, -16.5, 90.4), (0.95, 0.85, 2.0), fr, m=7))
    # inferior pubic ramus + ischial ramus -> ischial tuberosity
    shells.append(tube([(1.3, -16.0, 89.0), (2.6, -14.7, 87.3), (4.1, -12.4, 85.8), (5.3, -9.8, 85.0),
                        (6.0, -8.2, 85.0)], [(0.55, 0.75), (0.5, 0.7), (0.5, 0.65), (0.6, 0.75), (0.8, 0.9)],
                       n_around=10, ds=0.5, hint=(0.0, 0.0, 1.0)))
    # ischium body: posterior-inferior acetabulum -> tuberosity
    shells.append(tube([(9.2, -10.0, 90.3), (8.0, -8.9, 88.0), (6.6, -7.9, 85.9)],
                       [(1.15, 1.4), (1.0, 1.2), (1.0, 1.2)], n_around=12, ds=0.5, hint=(1.0, 0.0, 0.0)))
    shells.append(ellipsoid((6.2, -7.6, 85.2), (1.25, 1.35, 1.9), m=7))
    # ilium body between the wing's base and the acetabular roof
    shells.append(ellipsoid((9.6, -11.2, 95.3), (1.7, 2.8, 1.6), frame_from((0.3, 0.2, 1.0), (1, 0, 0)), m=7))
    return shells


def build_sacrum_pelvis():
    left = Mesh("hip_left", build_hip_bone_left())
    return Mesh("sacrum_pelvis").add(*build_sacrum()).add(left, left.mirrored("hip_right"))


# 2c. Femur (left): head sphere (r 2.4, EST) at the hip-joint centre (A3 #17); neck (neck-shaft
# angle ~128 deg, anteversion ~12 deg, EST) to the greater trochanter (tip / lateral prominence
# A3 #18), lesser trochanter; shaft (A3 #16: centre (8.9, -10.2) at z 62.5; placed behind and
# lateral to the femoral vessels and in front of the deep femoral vein, A4.3) to the distal end:
# metaphysis, medial and lateral condyles (joint line z 47.5, A3 #9-10), epicondyles (A3 #15,
# knee breadth), trochlea; patella (A3 #11) in front, included in this file.
FEMUR_SHAFT = [(12.35, -11.5, 89.5), (11.9, -11.7, 85.5), (11.0, -12.0, 78.0), (10.3, -11.9, 72.0),
               (9.5, -11.3, 66.0), (8.85, -10.5, 62.5), (8.0, -9.9, 57.5), (7.5, -9.7, 54.5)]


def distal_femur_field(p):
    d = sd_ellipsoid(p, (4.75, -8.9, 49.55), (1.75, 2.9, 2.25))          # medial condyle
    d = smin(d, sd_ellipsoid(p, (9.1, -8.95, 49.7), (1.65, 2.8, 2.2)), 0.8)   # lateral condyle
    d = smin(d, sd_ellipsoid(p, (6.9, -11.0, 50.8), (3.3, 1.5, 2.2)), 1.2)   # trochlea
    d = smin(d, sd_ellipsoid(p, (7.3, -9.7, 54.0), (2.6, 2.1, 3.4)), 1.6)    # metaphysis
    d = smin(d, sd_ellipsoid(p, (3.3, -9.0, 50.6), (1.05, 1.6, 2.1)), 1.4)   # medial epicondyle,
    d = smin(d, sd_ellipsoid(p, (10.5, -9.3, 50.3), (0.95, 1.5, 1.6)), 1.4)  # lateral epicondyle
    return d


def build_femur_left():
    shells = []
    head = L["femoral_head"]
    shells.append(ellipsoid(head, (2.4, 2.4, 2.4), m=9))
    shells.append(tube([head, (10.8, -11.7, 90.8), (12.6, -11.4, 89.4)],
                       [(1.55, 1.3), (1.4, 1.15), (1.7, 1.45)], n_around=20, ds=0.5, hint=(0.0, 0.0, 1.0)))
    shells.append(ellipsoid((13.6, -11.3, 90.5), (1.45, 2.0, 2.35), m=8))       # greater trochanter
    shells.append(ellipsoid((10.9, -10.3, 86.8), (0.9, 0.8, 1.0), m=5))         # lesser trochanter
    shells.append(tube(FEMUR_SHAFT, [1.55, 1.45, 1.35, 1.35, 1.35, 1.4, 1.6, 1.8],
                       n_around=24, ds=1.0, hint=(1.0, 0.0, 0.0)))
    shells.append(implicit_star((6.9, -9.6, 51.5), distal_femur_field, 13, 8.0, 0.08))
    shells.append(ellipsoid(L["patella"], (2.15, 1.1, 2.4), frame_from((0, 0.25, 1.0), (1, 0, 0)), m=7))
    return shells


# 2d. Tibia (left): horizontal-ring loft (plateau at the joint line z 47.5 spanning the palpable
# joint-line points A3 #9-10 less skin; tuberosity A3 #12; shaft through the A4.2 mid-calf
# centre (5.9, -7.7) at z 28; distal end over the talar dome A3 #5), plus the medial malleolus
# (A3 #3: most medial point x 1.6 at z 8, tip z 6.5).
TIBIA_KEYS = KeyTable(
    ("cx", "cy", "xn", "xp", "ya", "yp", "ea", "ep"),
    [
        (7.7, 4.85, -6.5, 2.3, 2.2, 2.0, 1.8, 2.4, 2.4),
        (9.5, 4.85, -6.5, 2.2, 2.1, 1.95, 1.75, 2.3, 2.3),
        (12.0, 5.0, -6.6, 1.65, 1.6, 1.6, 1.45, 2.1, 2.2),
        (18.0, 5.3, -7.0, 1.25, 1.25, 1.35, 1.15, 1.7, 2.2),
        (28.0, 5.85, -7.7, 1.35, 1.1, 1.5, 1.15, 1.6, 2.2),
        (32.0, 6.0, -8.2, 1.45, 1.0, 1.55, 1.2, 1.55, 2.2),
        (36.0, 6.15, -8.7, 1.6, 1.1, 1.6, 1.3, 1.5, 2.2),
        (40.0, 6.5, -9.3, 1.9, 2.0, 1.9, 1.5, 1.6, 2.2),
        (42.5, 6.9, -9.6, 2.6, 2.7, 2.5, 1.9, 1.7, 2.3),
        (44.5, 7.1, -9.7, 3.1, 3.3, 3.8, 2.3, 1.6, 2.4),
        (45.8, 7.0, -9.6, 3.6, 3.7, 3.2, 2.5, 2.0, 2.5),
        (47.2, 6.9, -9.5, 3.85, 3.85, 2.75, 2.55, 2.6, 2.5),
    ],
)


def build_tibia_left(n=24, dz=1.2):
    rings, z = [], TIBIA_KEYS.lo
    while z < TIBIA_KEYS.hi - 1e-6:
        k = TIBIA_KEYS.at(z)
        rings.append(plane_ring((k["cx"], k["cy"], z), (1, 0, 0), (0, 1, 0), n, k["xn"], k["xp"],
                                k["ya"], k["yp"], k["ea"], k["ep"]))
        z += dz
    k = TIBIA_KEYS.at(TIBIA_KEYS.hi)
    rings.append(plane_ring((k["cx"], k["cy"], TIBIA_KEYS.hi), (1, 0, 0), (0, 1, 0), n, k["xn"], k["xp"],
                            k["ya"], k["yp"], k["ea"], k["ep"]))
    shaft = loft_with_domes(rings, 0.25, 0.3, steps=3)
    malleolus = ellipsoid((2.55, -6.9, 8.3), (0.95, 1.3, 1.8), frame_from((0.15, 0, 1), (1, 0, 0)), m=6)
    return [shaft, malleolus]


# 2e. Fibula (left): head (A3 #13), shaft through the A4.2 mid-calf centre (9.6, -6.3) at z 28,
# lateral malleolus (A3 #4: most lateral x 8.6 at z 7, tip z 5.5); kept clear of the peroneal
# veins (A4.2).
def build_fibula_left():
    shaft = tube([(10.8, -7.2, 44.8), (10.55, -7.0, 41.0), (10.1, -6.65, 35.0), (9.6, -6.3, 28.0),
                  (9.0, -6.15, 20.0), (8.45, -6.15, 13.5), (8.0, -5.9, 9.5), (7.8, -5.55, 7.2)],
                 [0.75, 0.6, 0.65, 0.7, 0.65, 0.6, 0.75, 0.85], n_around=16, ds=1.2, hint=(1, 0, 0))
    head = ellipsoid((10.85, -7.25, 45.6), (1.05, 1.15, 1.35), m=6)
    malleolus = ellipsoid((7.85, -5.5, 7.2), (0.75, 1.0, 1.7), m=6)
    return [shaft, head, malleolus]


# 2f. Foot skeleton (left), simplified: talus (under the tibial plafond at the ankle-joint centre
# A3 #5) and calcaneus (to the heel) as ellipsoids, one midfoot block (navicular, cuboid,
# cuneiforms) lofted along y, five metatarsal rods (first head at A3 #6; the others EST on the
# metatarsal parabola) and five toe rods (hallux tip A3 #7 less skin). The plantar veins (A4.2)
# pass medial to and under the calcaneus.
MIDFOOT_KEYS = KeyTable(  # navicular, cuboid, cuneiforms: (cx, bottom z, widest z, top z, xn, xp)
    ("cx", "zb", "zc", "zt", "xn", "xp"),
    [
        (-8.3, 5.5, 2.9, 4.3, 5.6, 1.6, 1.6),
        (-9.5, 5.3, 2.5, 4.3, 6.1, 2.55, 2.6),
        (-11.5, 5.45, 2.3, 3.9, 5.6, 2.85, 3.15),
        (-13.6, 5.55, 2.3, 3.7, 5.0, 2.9, 3.2),
    ],
)
METATARSALS = [  # (base, head, shaft radius, head radius)
    ((3.2, -13.2, 4.1), L["mt1_head"], 0.72, 1.0),
    ((4.6, -13.5, 4.5), (4.55, -20.4, 1.85), 0.5, 0.72),
    ((5.9, -13.3, 4.3), (6.15, -19.9, 1.75), 0.48, 0.68),
    ((7.2, -12.9, 3.9), (7.6, -19.0, 1.7), 0.48, 0.66),
    ((8.25, -12.3, 3.15), (8.75, -17.7, 1.7), 0.46, 0.62),
]
TOE_TIPS = [((2.95, -25.7, 1.55), 0.62), ((4.9, -24.6, 1.3), 0.42), ((6.3, -23.7, 1.2), 0.4),
            ((7.65, -22.6, 1.15), 0.38), ((8.95, -21.0, 1.1), 0.36)]


def build_foot_left():
    shells = []
    # talus: dome under the tibial plafond at the ankle-joint centre (A3 #5), head forwards-medially
    shells.append(ellipsoid((5.0, -7.7, 6.2), (1.65, 2.7, 1.35), frame_from((0, 0, 1), (1.0, 0.25, 0.0)), m=7))
    # calcaneus: from the heel (pternion A3 #1 less the heel pad) forwards and slightly upwards,
    # lateral to the tarsal tunnel where the plantar vessels pass (A4.2 PTV at T0)
    shells.append(ellipsoid((5.65, -4.7, 3.15), (1.45, 3.95, 1.75), frame_from((0, 0.15, 1.0), (1, 0, 0)), m=7))
    rings, y = [], MIDFOOT_KEYS.hi
    while True:
        k = MIDFOOT_KEYS.at(y)
        rings.append(plane_ring((k["cx"], y, k["zc"]), (1, 0, 0), (0, 0, 1), 20, k["xn"], k["xp"],
                                k["zc"] - k["zb"], k["zt"] - k["zc"], 2.6, 2.4))
        if y <= MIDFOOT_KEYS.lo + 1e-6:
            break
        y = max(MIDFOOT_KEYS.lo, y - 0.8)
    shells.append(loft_with_domes(rings, 0.5, 0.5, steps=3))
    for (base, head, r, rh), (tip, rt) in zip(METATARSALS, TOE_TIPS):
        mid = vlerp(base, head, 0.5)
        shells.append(tube([base, mid, head], [r * 1.3, r, r * 1.15], n_around=10, ds=0.8))
        shells.append(ellipsoid(head, (rh * 0.85, rh, rh * 0.85), m=4))
        shells.append(tube([head, tip], [rt * 1.05, rt * 0.8], n_around=8, ds=0.7))
    return shells


def build_bones():
    fem, tib, fib, foot = (Mesh("femur_left", build_femur_left()), Mesh("tibia_left", build_tibia_left()),
                           Mesh("fibula_left", build_fibula_left()), Mesh("foot_left", build_foot_left()))
    out = {"spine": build_spine(), "sacrum_pelvis": build_sacrum_pelvis()}
    for m in (fem, tib, fib, foot):
        base = m.name[:-len("_left")]
        out[m.name] = m
        out[base + "_right"] = m.mirrored(base + "_right")
    return out


# ==============================================================================================
# 3. Calf muscles (left; the right is mirrored). One file per side, three objects.
# ==============================================================================================
# Placed on the A4.2 vein positions (the check uses the scene's gastrocnemius and soleal veins,
# or these A4.2 waypoints when the scene has none): gastrocnemius veins "inside the heads of
# gastrocnemius", y -1..+1 (medial (4.5,-0.5,32) -> (5.5,-2,40); lateral (9,-1,33) ->
# (8.3,-2.5,41)); soleal sinusoids inside soleus, y -3..-1 (central (6.3,-3,20) -> (6,-3.8,36),
# medial / lateral ones +-2 cm). Soleus lies deep to gastrocnemius and superficial to the
# posterior tibial and peroneal veins (y ~ -5.2); the small saphenous vein runs in the groove
# between the two heads (A4.1). Heads arise from the femoral condyles (z ~51) and end on the
# Achilles tendon (z ~25); soleus from the fibular head / soleal line (z ~43) to z ~13.
SOLEUS_KEYS = KeyTable(
    ("cx", "cy", "xn", "xp", "ya", "yp"),
    [
        (13.5, 6.2, -2.0, 1.1, 1.1, 0.45, 0.45),
        (16.0, 6.3, -2.3, 1.8, 1.9, 0.8, 0.75),
        (20.0, 6.3, -2.75, 2.75, 2.85, 1.15, 1.05),
        (26.0, 6.3, -3.0, 3.25, 3.3, 1.35, 1.25),
        (32.0, 6.4, -3.3, 3.45, 3.4, 1.25, 1.25),
        (38.0, 6.8, -3.6, 3.2, 3.1, 0.95, 1.0),
        (41.5, 7.8, -4.0, 2.2, 2.2, 0.55, 0.6),
        (43.0, 8.9, -4.6, 1.4, 1.4, 0.4, 0.4),
    ],
)


def build_soleus_left(n=28, dz=1.25):
    rings, z = [], SOLEUS_KEYS.lo
    while z < SOLEUS_KEYS.hi + 1e-6:
        k = SOLEUS_KEYS.at(z)
        rings.append(plane_ring((k["cx"], k["cy"], z), (1, 0, 0), (0, 1, 0), n, k["xn"], k["xp"],
                                k["ya"], k["yp"], 2.5, 2.3))
        z += dz
    return loft_with_domes(rings, 0.8, 0.4, steps=3)


def build_calf_muscles_left():
    soleus = Mesh("soleus_left", [build_soleus_left()])
    gm = Mesh("gastrocnemius_medial_left", [tube(
        [(5.0, -6.0, 50.5), (4.8, -3.7, 46.0), (4.3, -1.55, 40.0), (4.35, -0.65, 34.0), (4.8, -0.75, 29.0),
         (5.6, -1.5, 24.5)],
        [(0.7, 0.55), (1.3, 1.05), (2.2, 1.45), (2.3, 1.5), (1.8, 1.05), (0.6, 0.35)],
        n_around=24, ds=1.0, hint=(1.0, 0.0, 0.0), cap_steps=4, cap_scale=1.4)])
    gl = Mesh("gastrocnemius_lateral_left", [tube(
        [(9.0, -6.0, 51.0), (9.0, -3.75, 46.5), (8.9, -1.95, 41.0), (8.9, -0.9, 35.0), (8.3, -0.95, 30.0),
         (7.4, -1.8, 26.5)],
        [(0.7, 0.55), (1.3, 1.1), (1.8, 1.3), (1.8, 1.3), (1.4, 0.9), (0.5, 0.3)],
        n_around=24, ds=1.0, hint=(1.0, 0.0, 0.0), cap_steps=4, cap_scale=1.4)])
    return [soleus, gm, gl]


# ==============================================================================================
# 4. Liver
# ==============================================================================================
# Implicit shape meshed by surface nets: smooth union of a large right lobe (dome under the right
# diaphragm, A3 #53 (-9,-13,129.5)), its inferolateral part towards the lowest right edge (z 111,
# A3 #52), segment IV / caudate region in the middle and a wedge left lobe tapering to x +9
# (A3 #52); cut above by the diaphragm dome, below by the oblique inferior border (right 10th rib
# tip -> left 5th intercostal space, A3 #52), posteriorly by the bare-area / posterior abdominal
# wall (deep behind on the right, in front of the vertebral column and aorta near the midline,
# in front of the right kidney low down) and grooved by the retrohepatic IVC (A4.5 IVC4-IVC6).
# The hepatic veins (A4.7) lie inside. EST: right border x -16.3 (A3 #52 says -17; kept 0.8 cm
# inside the skin of this model), anterior surface y -21.8.
def diaphragm_z(x, y):
    """Height of the diaphragm: right dome (A3 #53: (-9,-13) at 129.5), left dome 1.5 lower, the
    central tendon pressed down under the heart (EST). The liver lies below, the heart above."""
    right = 129.5 - 0.011 * ((x + 9.0) ** 2 + (y + 13.0) ** 2)
    left = 128.0 - 0.011 * ((x - 8.5) ** 2 + (y + 12.0) ** 2)
    return smax(right, left, 3.0) - 1.6 * math.exp(-((x - 2.5) ** 2 / 30.0 + (y + 17.0) ** 2 / 20.0))


LIVER_BACK_HIGH = pchip([-10.5, -6.0, -4.4, -3.3, -1.6, -0.4, 3.0], [-5.2, -8.6, -10.4, -12.3, -12.3, -13.3, -13.8])
LIVER_BACK_LOW = pchip([-9.0, -6.0, -4.6, -2.0, 0.5], [-10.6, -11.6, -13.9, -13.9, -14.3])
IVC_GROOVE = ((-3.0, -14.0, 117.0), (-3.0, -13.0, 121.5), (-2.7, -12.6, 126.5), (-2.5, -12.5, 127.5),
              (-2.8, -13.5, 129.0), (-2.8, -13.8, 131.0))  # A4.5 IVC3-IVC7


def liver_field(p):
    x, y, z = p
    d = sd_ellipsoid(p, (-9.4, -13.2, 121.2), (6.8, 8.0, 8.6))                  # right lobe
    d = smin(d, sd_ellipsoid(p, (-12.6, -15.3, 114.8), (3.5, 4.8, 4.2)), 3.5)    # inferolateral
    d = smin(d, sd_ellipsoid(p, (-3.3, -16.6, 122.2), (5.4, 5.0, 4.6)), 2.5)     # segment IV
    # left lobe: wedge, thinner towards the tip
    taper = 1.0 - 0.45 * clamp(x / 9.0, 0.0, 1.0)
    d = smin(d, sd_ellipsoid(p, (1.6, -17.2, 123.9), (7.6, 4.3 * taper, 3.3 * taper)), 2.0)
    # inferior border: oblique from the lowest right edge (z 111, A3 #52) up to the left lobe,
    # the visceral surface rising backwards
    d = smax(d, (109.8 + 0.42 * (x + 15.0) + 0.3 * (y + 20.0)) - z, 1.5)
    # posterior limit y_max(x, z): high up the right lobe reaches back to the diaphragm and wraps
    # the IVC's right side (the hepatic veins enter the IVC inside the liver); near the midline
    # the caudate lobe stays in front of the crus and aorta; low down it stays in front of the
    # right kidney and the renal veins.
    ymax = lerp(LIVER_BACK_LOW(x), LIVER_BACK_HIGH(x), smoothstep(116.5, 123.5, z))
    d = smax(d, y - ymax, 1.0)
    # retrohepatic IVC groove
    d = smax(d, -min(sd_capsule(p, a, b, 1.2) for a, b in zip(IVC_GROOVE, IVC_GROOVE[1:])), 0.6)
    d = smax(d, z - (diaphragm_z(x, y) - 0.25), 0.8)  # under the diaphragm
    return d


def build_liver():
    return Mesh("liver", [surface_net(liver_field, (-19.0, -24.0, 108.5), (11.5, -3.0, 131.5), 0.8)])


# ==============================================================================================
# 5. Heart
# ==============================================================================================
# A simplified heart: ventricular mass as an ellipsoid whose long axis runs from the base
# (right, posterior, superior) to the apex (left, anterior, inferior: EST apex (6.8,-19.4,~127),
# near the mid-clavicular line), smoothly united with the right atrium
# (A4.8 target volume: centre A3 #36 (-2.0,-14.5,131.5), 5 x 4 x 5 cm, right heart border ~3.8 cm
# right of the midline) and the left atrium (behind, in front of the descending aorta A5).
# Meshed by surface nets. Its inferior surface rests above the liver's left lobe (diaphragm).
HEART_AXIS = vnorm((0.62, -0.62, -0.36))
HEART_FRAME = frame_from(HEART_AXIS, vcross((0.0, 0.0, 1.0), HEART_AXIS))  # ex horizontal, ey ~up


def heart_field(p):
    # ventricles: 11.6 cm base -> apex (apex (6.8,-19.4,128.2) before the diaphragm cut),
    # 8.4 wide, 6 thick (flattened on the diaphragm)
    d = sd_ellipsoid(p, (3.2, -15.8, 130.3), (4.2, 3.0, 5.8), HEART_FRAME)
    d = smin(d, sd_ellipsoid(p, L["right_atrium"], (2.5, 2.0, 2.5)), 1.5)        # right atrium
    d = smin(d, sd_ellipsoid(p, (0.6, -12.4, 132.4), (3.0, 1.65, 2.0)), 1.5)     # left atrium
    d = smin(d, sd_ellipsoid(p, (0.4, -15.2, 133.6), (1.5, 1.5, 1.6)), 1.0)      # outflow / roots
    return smax(d, diaphragm_z(p[0], p[1]) + 0.25 - p[2], 0.6)                   # on the diaphragm


def build_heart():
    return Mesh("heart", [surface_net(heart_field, (-6.5, -22.5, 122.0), (10.5, -8.5, 137.5), 0.6)])


# ==============================================================================================
# Writing, reading back, validating
# ==============================================================================================


def fmt(x):
    s = "%.3f" % x
    return "0.000" if s == "-0.000" else s


def write_obj(path, objects, title):
    """objects: list of Mesh (one OBJ object each). Returns (triangles, bytes)."""
    lines = ["# venaviz context model: %s" % title,
             "# Generated by tools/make_context_models.py from the landmark coordinates of the",
             "# project's anatomy reference (anatomy.md). Do not edit by hand: rerun the tool.",
             "# Units cm. Frame: x patient's left, y posterior, z superior; origin on the floor",
             "# midway between the heels. Triangles CCW seen from outside, normals outward."]
    base, ntri = 1, 0
    for mesh in objects:
        lines.append("o %s" % mesh.name)
        vs, ns, fs = [], [], []
        off = 0
        for sh in mesh.shells:
            nrm = vertex_normals(sh.verts, sh.tris)
            vs.extend(sh.verts)
            ns.extend(nrm)
            fs.extend((a + off, b + off, c + off) for a, b, c in sh.tris)
            off += len(sh.verts)
        lines.extend("v %s %s %s" % (fmt(p[0]), fmt(p[1]), fmt(p[2])) for p in vs)
        lines.extend("vn %s %s %s" % (fmt(n[0]), fmt(n[1]), fmt(n[2])) for n in ns)
        for a, b, c in fs:
            a, b, c = a + base, b + base, c + base
            lines.append("f %d//%d %d//%d %d//%d" % (a, a, b, b, c, c))
        base += len(vs)
        ntri += len(fs)
    data = ("\n".join(lines) + "\n").encode("ascii")
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    return ntri, len(data)


def read_obj(path):
    """-> list of objects: (name, verts, normals, tris) with 0-based indices into the file's
    global vertex / normal lists (returned as the second and third element of each tuple)."""
    verts, norms, objects = [], [], []
    cur = None
    with open(path) as fh:
        for line in fh:
            if line.startswith("v "):
                verts.append(tuple(float(t) for t in line.split()[1:4]))
            elif line.startswith("vn "):
                norms.append(tuple(float(t) for t in line.split()[1:4]))
            elif line.startswith("o "):
                cur = [line[2:].strip(), []]
                objects.append(cur)
            elif line.startswith("f "):
                idx = []
                for tok in line.split()[1:]:
                    v, _, n = tok.split("/")
                    if v != n:
                        raise ValueError("%s: vertex / normal index mismatch" % path)
                    idx.append(int(v) - 1)
                if len(idx) != 3:
                    raise ValueError("%s: non-triangular face" % path)
                cur[1].append(tuple(idx))
    return verts, norms, objects


def components(tris):
    parent = {}

    def find(a):
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a
    for a, b, c in tris:
        ra, rb, rc = find(a), find(b), find(c)
        parent[rb] = ra
        parent[find(rc)] = ra
    groups = {}
    for t in tris:
        groups.setdefault(find(t[0]), []).append(t)
    return list(groups.values())


BODY_BOX = ((-30.0, 30.0), (-30.0, 15.0), (0.0, 176.0))


def validate_obj(path):
    """Returns a list of problems (empty when the file is valid) and a stats dict."""
    problems = []
    verts, norms, objects = read_obj(path)
    if len(verts) != len(norms):
        problems.append("%d positions but %d normals" % (len(verts), len(norms)))
    for p in verts + norms:
        if not all(math.isfinite(c) for c in p):
            problems.append("non-finite number")
            break
    bad_len = sum(1 for n in norms if abs(vlen(n) - 1.0) > 2.5e-3)
    if bad_len:
        problems.append("%d normals not unit length" % bad_len)
    for ax, (lo, hi) in enumerate(BODY_BOX):
        vals = [p[ax] for p in verts]
        if min(vals) < lo or max(vals) > hi:
            problems.append("bounding box %s [%.2f, %.2f] outside [%g, %g]" % ("xyz"[ax], min(vals), max(vals), lo, hi))
    acc = [[0.0, 0.0, 0.0] for _ in verts]
    n_parts, open_parts, inward, min_area, degenerate = 0, 0, 0, 1e9, 0
    for name, tris in objects:
        for comp in components(tris):
            n_parts += 1
            edges = {}
            for a, b, c in comp:
                for e in ((a, b), (b, c), (c, a)):
                    edges[e] = edges.get(e, 0) + 1
            if any(cnt != 1 or edges.get((e[1], e[0]), 0) != 1 for e, cnt in edges.items()):
                open_parts += 1
            if signed_volume(verts, comp) <= 0.0:
                inward += 1
        for a, b, c in tris:
            n = vcross(vsub(verts[b], verts[a]), vsub(verts[c], verts[a]))
            area = 0.5 * vlen(n)
            min_area = min(min_area, area)
            if area < 1e-7:
                degenerate += 1
            for i in (a, b, c):
                acc[i][0] += n[0]
                acc[i][1] += n[1]
                acc[i][2] += n[2]
    if open_parts:
        problems.append("%d of %d parts not closed (edge used != 2 times / not opposite)" % (open_parts, n_parts))
    if inward:
        problems.append("%d parts with signed volume <= 0 (inward winding)" % inward)
    if degenerate:
        problems.append("%d degenerate triangles" % degenerate)
    disagree = sum(1 for i, n in enumerate(norms) if vdot(n, acc[i]) <= 0.0)
    if disagree:
        problems.append("%d vertex normals disagree with the winding" % disagree)
    ntri = sum(len(t) for _, t in objects)
    stats = {"triangles": ntri, "vertices": len(verts), "parts": n_parts, "objects": [o[0] for o in objects],
             "bbox": [(min(p[a] for p in verts), max(p[a] for p in verts)) for a in range(3)],
             "min_area": min_area}
    return problems, stats


# ==============================================================================================
# Plausibility checks against the scene's vessels
# ==============================================================================================


class RayGrid:
    """Triangles bucketed on the plane perpendicular to `axis`, for axis-parallel ray casts."""

    def __init__(self, verts, tris, axis, cell=1.0):
        self.axis, self.cell = axis, cell
        self.u, self.v = [a for a in range(3) if a != axis]
        self.verts, self.tris = verts, tris
        self.grid = {}
        for ti, (a, b, c) in enumerate(tris):
            pu = [verts[i][self.u] for i in (a, b, c)]
            pv = [verts[i][self.v] for i in (a, b, c)]
            for gu in range(int(math.floor(min(pu) / cell)), int(math.floor(max(pu) / cell)) + 1):
                for gv in range(int(math.floor(min(pv) / cell)), int(math.floor(max(pv) / cell)) + 1):
                    self.grid.setdefault((gu, gv), []).append(ti)

    def hits(self, p):
        """Axis coordinates where the line through p (parallel to the axis) crosses the mesh."""
        pu, pv = p[self.u] + 1.37e-5, p[self.v] + 0.73e-5  # off any edge / vertex
        out = []
        for ti in self.grid.get((int(math.floor(pu / self.cell)), int(math.floor(pv / self.cell))), ()):
            a, b, c = (self.verts[i] for i in self.tris[ti])
            au, av, bu, bv, cu, cv = a[self.u], a[self.v], b[self.u], b[self.v], c[self.u], c[self.v]
            d = (bu - au) * (cv - av) - (cu - au) * (bv - av)
            if abs(d) < 1e-14:
                continue
            l1 = ((bu - pu) * (cv - pv) - (cu - pu) * (bv - pv)) / d
            l2 = ((cu - pu) * (av - pv) - (au - pu) * (cv - pv)) / d
            l3 = 1.0 - l1 - l2
            if l1 < 0 or l2 < 0 or l3 < 0:
                continue
            out.append(l1 * a[self.axis] + l2 * b[self.axis] + l3 * c[self.axis])
        return sorted(out)

    def inside(self, p):
        return sum(1 for h in self.hits(p) if h > p[self.axis]) % 2 == 1


def point_triangle_distance(p, a, b, c):
    """Distance from p to triangle abc (closest-point method, Ericson)."""
    ab, ac, ap_ = vsub(b, a), vsub(c, a), vsub(p, a)
    d1, d2 = vdot(ab, ap_), vdot(ac, ap_)
    if d1 <= 0 and d2 <= 0:
        return vlen(ap_)
    bp = vsub(p, b)
    d3, d4 = vdot(ab, bp), vdot(ac, bp)
    if d3 >= 0 and d4 <= d3:
        return vlen(bp)
    vc = d1 * d4 - d3 * d2
    if vc <= 0 and d1 >= 0 and d3 <= 0:
        v = d1 / (d1 - d3)
        return vlen(vsub(p, vadd(a, vmul(ab, v))))
    cp = vsub(p, c)
    d5, d6 = vdot(ab, cp), vdot(ac, cp)
    if d6 >= 0 and d5 <= d6:
        return vlen(cp)
    vb = d5 * d2 - d1 * d6
    if vb <= 0 and d2 >= 0 and d6 <= 0:
        w = d2 / (d2 - d6)
        return vlen(vsub(p, vadd(a, vmul(ac, w))))
    va = d3 * d6 - d5 * d4
    if va <= 0 and (d4 - d3) >= 0 and (d5 - d6) >= 0:
        w = (d4 - d3) / ((d4 - d3) + (d5 - d6))
        return vlen(vsub(p, vadd(b, vmul(vsub(c, b), w))))
    denom = 1.0 / (va + vb + vc)
    v, w = vb * denom, vc * denom
    return vlen(vsub(p, vadd(a, vadd(vmul(ab, v), vmul(ac, w)))))


class Solid:
    """Union of the closed parts of one or more OBJ files: point-inside by ray parity per part,
    distance to the surface through a triangle hash."""

    CELL = 1.5

    def __init__(self, paths, object_filter=None):
        self.parts, self.points, self.hash = [], [], {}
        for path in paths:
            verts, _, objects = read_obj(path)
            for name, tris in objects:
                if object_filter and not object_filter(name):
                    continue
                for comp in components(tris):
                    self.parts.append(RayGrid(verts, comp, 2))
                used = sorted({i for t in tris for i in t})
                self.points.extend(verts[i] for i in used)
                for t in tris:
                    tri = tuple(verts[i] for i in t)
                    lo = [int(math.floor(min(q[a] for q in tri) / self.CELL)) for a in range(3)]
                    hi = [int(math.floor(max(q[a] for q in tri) / self.CELL)) for a in range(3)]
                    for i in range(lo[0], hi[0] + 1):
                        for j in range(lo[1], hi[1] + 1):
                            for k in range(lo[2], hi[2] + 1):
                                self.hash.setdefault((i, j, k), []).append(tri)

    def inside(self, p):
        return any(part.inside(p) for part in self.parts)

    def distance(self, p, max_r=6.0):
        """Distance from p to the surface (exact), capped at max_r."""
        best = max_r
        k = [int(math.floor(c / self.CELL)) for c in p]
        rng = int(math.ceil(max_r / self.CELL))
        for r in range(rng + 1):  # grow the search shell until it cannot improve
            if r > 0 and (r - 1) * self.CELL > best:
                break
            for i in range(-r, r + 1):
                for j in range(-r, r + 1):
                    for l_ in range(-r, r + 1):
                        if max(abs(i), abs(j), abs(l_)) != r:
                            continue
                        for tri in self.hash.get((k[0] + i, k[1] + j, k[2] + l_), ()):
                            d = point_triangle_distance(p, *tri)
                            if d < best:
                                best = d
        return best

    def signed_clearance(self, p, r):
        """Gap between a tube of radius r centred at p and the surface (< 0: overlapping)."""
        d = self.distance(p, 6.0)
        return (-d if self.inside(p) else d) - r


def centripetal_samples(points, radii, step=0.5):
    """Centripetal Catmull-Rom through the waypoints (as the app samples centrelines)."""
    pts = [tuple(p) for p in points]
    if len(pts) == 2:
        n = max(1, int(math.ceil(vlen(vsub(pts[1], pts[0])) / step)))
        return [(vlerp(pts[0], pts[1], i / n), lerp(radii[0], radii[1], i / n)) for i in range(n + 1)]
    ext = [vsub(vmul(pts[0], 2), pts[1])] + pts + [vsub(vmul(pts[-1], 2), pts[-2])]
    out = [(pts[0], radii[0])]
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        t0 = 0.0
        t1 = t0 + max(vlen(vsub(p1, p0)) ** 0.5, 1e-6)
        t2 = t1 + max(vlen(vsub(p2, p1)) ** 0.5, 1e-6)
        t3 = t2 + max(vlen(vsub(p3, p2)) ** 0.5, 1e-6)
        n = max(1, int(math.ceil(vlen(vsub(p2, p1)) / step)))
        for k in range(1, n + 1):
            t = t1 + (t2 - t1) * k / n
            a1 = vadd(vmul(p0, (t1 - t) / (t1 - t0)), vmul(p1, (t - t0) / (t1 - t0)))
            a2 = vadd(vmul(p1, (t2 - t) / (t2 - t1)), vmul(p2, (t - t1) / (t2 - t1)))
            a3 = vadd(vmul(p2, (t3 - t) / (t3 - t2)), vmul(p3, (t - t2) / (t3 - t2)))
            b1 = vadd(vmul(a1, (t2 - t) / (t2 - t0)), vmul(a2, (t - t0) / (t2 - t0)))
            b2 = vadd(vmul(a2, (t3 - t) / (t3 - t1)), vmul(a3, (t - t1) / (t3 - t1)))
            c = vadd(vmul(b1, (t2 - t) / (t2 - t1)), vmul(b2, (t - t1) / (t2 - t1)))
            out.append((c, lerp(radii[i - 1], radii[i], k / n)))
    return out


def midpoint(samples):
    pts = [s[0] for s in samples]
    cum = cumulative_lengths(pts)
    half = 0.5 * cum[-1]
    i = bisect.bisect_right(cum, half) - 1
    i = min(i, len(pts) - 2)
    t = (half - cum[i]) / max(1e-9, cum[i + 1] - cum[i])
    return vlerp(pts[i], pts[i + 1], t), lerp(samples[i][1], samples[i + 1][1], t)


# A4.2 / A4.7 waypoints, used when the scene does not carry these veins (muscular / hepatic)
REF_VEINS = {
    "gastrocnemius_vein_medial_left": [(4.5, -0.5, 32.0), (5.5, -2.0, 40.0), (6.3, -4.2, 46.0)],
    "gastrocnemius_vein_lateral_left": [(9.0, -1.0, 33.0), (8.3, -2.5, 41.0), (7.4, -4.3, 46.5)],
    "soleal_vein_1_left": [(6.3, -3.0, 20.0), (6.15, -3.4, 28.0), (6.0, -3.8, 36.0), (5.6, -5.3, 36.5)],
    "soleal_vein_2_left": [(4.3, -3.0, 22.0), (4.1, -3.6, 32.0), (4.6, -5.2, 32.5)],
    "soleal_vein_3_left": [(8.3, -3.0, 22.0), (8.1, -3.6, 32.0), (7.9, -5.4, 32.5)],
    "hepatic_vein_right": [(-12.0, -10.0, 121.0), (-8.0, -11.0, 124.5), (-3.8, -12.3, 126.8)],
    "hepatic_vein_middle": [(-4.5, -19.0, 119.0), (-2.5, -16.0, 123.5), (-1.8, -13.4, 126.9)],
    "hepatic_vein_left": [(5.5, -17.0, 124.0), (1.5, -15.0, 126.0), (-1.6, -13.3, 127.0)],
}


def run_checks(out_dir):
    """Returns (report lines, failures of required checks)."""
    with open(SCENE_FILE) as fh:
        scene = json.load(fh)
    vessels = {v["id"]: v for v in scene["vessels"]}
    P = lambda name: os.path.join(out_dir, name + ".obj")
    skin = Solid([P("skin")])
    spine_verts, _, spine_objs = read_obj(P("spine"))
    spine_y = RayGrid(spine_verts, [t for _, ts in spine_objs for t in ts], 1, cell=0.5)
    bone_names = ["spine", "sacrum_pelvis"] + ["%s_%s" % (b, s_) for b in ("femur", "tibia", "fibula", "foot")
                                                for s_ in ("left", "right")]
    bones = Solid([P(b) for b in bone_names])
    liver, heart = Solid([P("liver")]), Solid([P("heart")])
    failures, lines = [], []

    def report(ok, text, required=True):
        lines.append("  %s %s" % ("ok  " if ok else ("FAIL" if required else "warn"), text))
        if not ok and required:
            failures.append(text)

    def vessel_pts(vid, drop_last=False):
        """(samples, source) of a vessel from the scene, else from the reference (mirrored)."""
        if vid in vessels:
            pts, radii, src = vessels[vid]["points"], vessels[vid]["radii"], "scene"
        else:
            base = vid.replace("_right", "_left")
            if base not in REF_VEINS:
                return [], None
            pts = [mirror_x(p) if vid.endswith("_right") else p for p in REF_VEINS[base]]
            radii, src = [0.2] * len(pts), "A4 waypoints"
        if drop_last and len(pts) >= 3:
            pts, radii = pts[:-1], radii[:-1]
        return centripetal_samples(pts, radii, 0.5), src

    lines.append("plausibility checks against %s (%d vessels):" % (os.path.relpath(SCENE_FILE, REPO), len(vessels)))
    # (1) named points inside the skin
    named = []
    for side in ("left", "right"):
        for vid in ("femoral_vein_%s" % side, "popliteal_vein_%s" % side, "posterior_tibial_vein_1_%s" % side):
            if vid in vessels:
                p, r = midpoint(vessel_pts(vid)[0])
                named.append(("%s midpoint" % vid, p, r))
    if "inferior_vena_cava" in vessels:
        v = vessels["inferior_vena_cava"]
        for i, (p, r) in enumerate(zip(v["points"], v["radii"])):
            named.append(("inferior_vena_cava IVC%d" % i, tuple(p), r))
    civ = None
    if "common_iliac_vein_left" in vessels:
        p, r = min(vessel_pts("common_iliac_vein_left")[0], key=lambda q: abs(q[0][0]))
        civ = ("common_iliac_vein_left crossing", p, r)  # where it passes the midline, over L5
        named.append(civ)
    lines.append("  -- named points inside skin.obj (ray parity per closed part), depth = distance to the skin:")
    for label, p, r in named:
        ok = skin.inside(p)
        report(ok, "%-38s (%6.2f %6.2f %6.2f) %s, %.1f cm deep" % (
            label, p[0], p[1], p[2], "inside" if ok else "OUTSIDE", skin.distance(p, 15.0)))
    # (2) IVC and left CIV anterior to the vertebral column
    lines.append("  -- anterior to the vertebral bodies / discs (ray +y into spine.obj at the vessel's "
                 "x and x +- 0.8 r; wall = centre + radius):")
    ant = [(l_, p, r) for l_, p, r in named if l_.startswith("inferior_vena_cava")]
    if civ:
        ant.append(civ)
    for label, p, r in ant:
        best = None
        for dx in (-0.8 * r, 0.0, 0.8 * r):
            hits = [h for h in spine_y.hits((p[0] + dx, p[1], p[2])) if h > p[1] - 3.0]
            if not hits:
                continue
            wall = p[1] + math.sqrt(max(0.0, r * r - dx * dx))
            if best is None or hits[0] - wall < best[1]:
                best = (hits[0], hits[0] - wall, hits[0] - p[1])
        where = "behind it"
        if best is None:  # lateral to the bodies: nearest spine surface towards the midline
            x = p[0]
            while best is None and abs(x) > 0.05:
                x -= math.copysign(0.1, x)
                hits = [h for h in spine_y.hits((x, p[1], p[2])) if h > p[1] - 3.0]
                if hits:
                    best = (hits[0], None, hits[0] - p[1])
                    where = "at x %.1f" % x
        if best is None:
            report(False, "%-38s no spine behind or medial to it" % label)
            continue
        ysurf, gap_w, gap_c = best
        report(gap_c > 0.0, "%-38s spine surface %-9s y %6.2f: centre %.2f cm in front%s" % (
            label, where, ysurf, gap_c, "" if gap_w is None else ", wall gap %+.2f (r %.2f)" % (gap_w, r)))
    # (3) liver, hepatic veins, IVC groove
    lines.append("  -- liver:")
    for vid in ("hepatic_vein_right", "hepatic_vein_middle", "hepatic_vein_left"):
        smp, src = vessel_pts(vid, drop_last=True)
        n_in = sum(1 for q, _ in smp if liver.inside(q))
        report(n_in == len(smp), "%-20s (%s) %d/%d centreline samples inside (the ostium at the IVC "
               "excluded)" % (vid, src, n_in, len(smp)))
    if "inferior_vena_cava" in vessels:
        ivc = vessels["inferior_vena_cava"]
        for i in (4, 5):
            q, r = tuple(ivc["points"][i]), ivc["radii"][i]
            g = liver.signed_clearance(q, r)
            report(not liver.inside(q), "IVC%d (%5.1f %5.1f %5.1f) lies in the retrohepatic groove, outside the "
                   "liver (wall to liver %+.2f cm)" % (i, q[0], q[1], q[2], g))
    for vid in ("renal_vein_right", "renal_vein_left", "abdominal_aorta", "thoracic_aorta"):
        if vid in vessels:
            bad = [q for q, _ in vessel_pts(vid)[0] if liver.inside(q)]
            report(not bad, "%s outside the liver" % vid)
    # (4) heart
    ra = L["right_atrium"]
    hx = sum(q[0] for q in heart.points) / len(heart.points)
    report(heart.inside(ra) and ra[0] < hx, "right atrium centre (%.1f %.1f %.1f) inside heart.obj, right of "
           "the heart's centroid (x %.1f)" % (ra[0], ra[1], ra[2], hx))
    overlap = sum(1 for q in heart.points if liver.inside(q)) + sum(1 for q in liver.points if heart.inside(q))
    report(overlap == 0, "heart and liver do not overlap (diaphragm between them; %d vertices of one inside "
           "the other)" % overlap)
    # (5) calf muscles
    lines.append("  -- calf muscles (muscular veins without their last, junctional waypoint):")
    deep = ("posterior_tibial_vein_1_", "posterior_tibial_vein_2_", "peroneal_vein_1_", "peroneal_vein_2_",
            "anterior_tibial_vein_1_", "anterior_tibial_vein_2_", "popliteal_vein_", "small_saphenous_vein_",
            "great_saphenous_vein_")
    for side in ("left", "right"):
        mus = {k: Solid([P("calf_muscles_" + side)], (lambda n, k=k: n.startswith(k)))
               for k in ("soleus", "gastrocnemius_medial", "gastrocnemius_lateral")}
        for key, vids in (("gastrocnemius_medial", ["gastrocnemius_vein_medial_"]),
                          ("gastrocnemius_lateral", ["gastrocnemius_vein_lateral_"]),
                          ("soleus", ["soleal_vein_1_", "soleal_vein_2_", "soleal_vein_3_"])):
            tot = n_in = 0
            srcs = set()
            for vid in vids:
                smp, src = vessel_pts(vid + side, drop_last=True)
                srcs.add(src)
                tot += len(smp)
                n_in += sum(1 for q, _ in smp if mus[key].inside(q))
            report(n_in == tot, "%s_%s contains %d/%d samples of %s (%s)" % (
                key, side, n_in, tot, ", ".join(v + side for v in vids), "/".join(sorted(srcs))))
        bad = [vid + side for vid in deep if vid + side in vessels and
               any(any(m.inside(q) for m in mus.values()) for q, _ in vessel_pts(vid + side)[0])]
        report(not bad, "deep and saphenous veins (%s) outside the calf muscles%s" % (
            side, "" if not bad else ": " + ", ".join(bad)))
    # (6) every vessel of the scene: inside the skin, clear of the bones (informative)
    lines.append("  -- every vessel of the scene, centreline sampled every 0.5 cm (informative):")
    n_s, out_skin, in_bone, worst = 0, {}, {}, []
    for vid, v in sorted(vessels.items()):
        w = (99.0, None)
        for q, r in centripetal_samples(v["points"], v["radii"], 0.5):
            n_s += 1
            if not skin.inside(q):
                out_skin.setdefault(vid, q)
            g = bones.signed_clearance(q, r)
            if g < -r:
                in_bone.setdefault(vid, q)
            if g < w[0]:
                w = (g, q)
        worst.append((w[0], vid, w[1]))
    report(not out_skin, "%d samples of %d vessels: %d vessel(s) leave the skin%s" % (
        n_s, len(vessels), len(out_skin), "".join("\n         %s at (%.1f %.1f %.1f)" % (k, *q)
                                                 for k, q in sorted(out_skin.items()))), required=False)
    report(not in_bone, "%d vessel(s) with a centreline point inside a bone%s" % (
        len(in_bone), "".join("\n         %s at (%.1f %.1f %.1f)" % (k, *q) for k, q in sorted(in_bone.items()))),
        required=False)
    worst.sort()
    lines.append("       vessel walls closest to bone (gap, negative = wall overlaps bone):")
    for g, vid, q in worst[:8]:
        lines.append("         %+.2f cm  %s at (%.1f %.1f %.1f)" % (g, vid, *q))
    # (7) inner models inside the skin
    lines.append("  -- inner models inside the skin (every 3rd vertex; informative):")
    for name in bone_names + ["calf_muscles_left", "calf_muscles_right", "liver", "heart"]:
        verts, _, _ = read_obj(P(name))
        pts = verts[::3]
        out = [q for q in pts if not skin.inside(q)]
        depth = max((skin.distance(q, 5.0) for q in out), default=0.0)
        report(not out, "%-20s %4d/%d vertices outside the skin%s" % (
            name, len(out), len(pts), "" if not out else " (at most %.2f cm, e.g. (%.1f %.1f %.1f))" % (
                depth, *out[0])), required=False)
    return lines, failures


# ==============================================================================================
# Main
# ==============================================================================================

MODEL_TITLES = {
    "skin": "skin (legs, feet, trunk, neck, head, arms)", "spine": "vertebral column C1-L5",
    "sacrum_pelvis": "sacrum and hip bones", "liver": "liver", "heart": "heart",
}


def build_all():
    models = {"skin": [build_skin()]}
    for name, mesh in build_bones().items():
        models[name] = [mesh]
    calf = build_calf_muscles_left()
    models["calf_muscles_left"] = calf
    models["calf_muscles_right"] = [m.mirrored(m.name.replace("_left", "_right")) for m in calf]
    models["liver"] = [build_liver()]
    models["heart"] = [build_heart()]
    return models


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", default=OUT_DIR, help="output folder (default: assets/models)")
    ap.add_argument("--no-check", action="store_true", help="skip the plausibility check against the scene")
    args = ap.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)
    models = build_all()
    total_tri, total_bytes, failed = 0, 0, False
    for name in sorted(models):
        path = os.path.join(args.out_dir, name + ".obj")
        title = MODEL_TITLES.get(name, name.replace("_", " "))
        ntri, nbytes = write_obj(path, models[name], title)
        problems, st = validate_obj(path)
        total_tri += ntri
        total_bytes += nbytes
        bb = st["bbox"]
        print("%-24s %7d triangles %8.1f KB  %2d part(s)  x[%6.1f,%6.1f] y[%6.1f,%6.1f] z[%6.1f,%6.1f]  %s" % (
            name + ".obj", ntri, nbytes / 1024.0, st["parts"], bb[0][0], bb[0][1], bb[1][0], bb[1][1],
            bb[2][0], bb[2][1], "valid" if not problems else "INVALID: " + "; ".join(problems)))
        failed |= bool(problems)
    print("total: %d files, %d triangles, %.2f MB" % (len(models), total_tri, total_bytes / 1048576.0))
    if not args.no_check:
        lines, failures = run_checks(args.out_dir)
        print("\n".join(lines))
        if failures:
            print("%d plausibility check(s) failed" % len(failures))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
