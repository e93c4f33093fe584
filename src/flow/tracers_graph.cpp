// Building the tracers' geometry (the drawn tube's rings per vessel) and their graph of ports
// and segments from the network, once per Tracers.
#include "anatomy/centerline.h"
#include "anatomy/tube_mesh.h"
#include "flow/tracers_impl.h"

namespace venaviz::flow {

Tracers::Impl::Impl(const Anatomy& anatomy, const hemo::Network& net, const TracerOptions& opt) : options(opt) {
  rng.seed(opt.seed);
  nodeCount = net.nodes.size();
  linkA.resize(net.links.size());
  linkB.resize(net.links.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    linkA[j] = net.links[j].a;
    linkB[j] = net.links[j].b;
  }
  buildGeometry(anatomy, net);
  buildGraph(anatomy, net);
  crossing.assign(net.links.size(), 0);
  allocatePool(opt.budget);
}

void Tracers::Impl::buildGeometry(const Anatomy& a, const hemo::Network& net) {
  // The same curve, rings and tangents as buildVesselMesh (anatomy/tube_mesh.cpp).
  const std::size_t n = a.vessels.size();
  const TubeLayout layout = layoutTubes(a, options.tube);
  const TubeJoins& joins = layout.joins;
  const auto& samples = layout.samples;
  const auto& jointTangent = layout.jointTangent;
  geo.assign(n, VesselGeo{});
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = samples[i];
    const bool hasNodes = i < net.vesselNodes.size() && !net.vesselNodes[i].empty();
    if (s.size() < 2 || !hasNodes) continue;
    std::vector<Vec3> tangents(s.size());
    for (std::size_t k = 0; k < s.size(); ++k) tangents[k] = sampleTangent(s, k);
    if (joins.prev[i] >= 0) tangents.front() = jointTangent[ix(joins.prev[i])];
    if (joins.next[i] >= 0) tangents.back() = jointTangent[i];
    const std::vector<Vec3> normals = transportFrames(s, &tangents);
    VesselGeo& g = geo[i];
    g.firstRing = static_cast<int>(rings.size());
    g.rings = static_cast<int>(s.size());
    float length = 0.0f;
    for (std::size_t k = 0; k < s.size(); ++k) {
      Ring r;
      r.position = s[k].position;
      r.radius = s[k].radius;
      r.normal = normals[k];
      r.binormal = glm::cross(tangents[k], normals[k]);
      r.fraction = s[k].fraction;
      r.node = net.nodeAt(static_cast<int>(i), s[k].fraction);
      if (k + 1 < s.size()) {
        const Vec3 d = s[k + 1].position - s[k].position;
        r.chord = glm::length(d) > 1e-6f ? glm::normalize(d) : tangents[k];
        const float gap = s[k + 1].fraction - s[k].fraction;
        r.invGap = gap > 0.0f ? 1.0f / gap : 0.0f;
      } else {
        r.chord = tangents[k];
      }
      if (k > 0) length += glm::distance(s[k - 1].position, s[k].position);
      rings.push_back(r);
    }
    g.lengthCm = std::max(length, 1e-3f);
    for (std::size_t k = 0; k < s.size(); ++k) ringFraction.push_back(s[k].fraction);
    // Fraction buckets no wider than the closest two rings: the last ring at or below each
    // bucket's start, so a lookup moves on at most one ring.
    float gap = 1.0f;
    for (std::size_t k = 1; k < s.size(); ++k)
      if (s[k].fraction > s[k - 1].fraction) gap = std::min(gap, s[k].fraction - s[k - 1].fraction);
    g.firstBucket = static_cast<int>(bucket.size());
    g.buckets = std::clamp(static_cast<int>(std::ceil(1.0f / gap)) + 1, 8, 4 * g.rings);
    int ring = 0;
    for (int b = 0; b < g.buckets; ++b) {
      const float f = static_cast<float>(b) / static_cast<float>(g.buckets);
      while (ring + 2 < g.rings && rings[ix(g.firstRing + ring + 1)].fraction <= f) ++ring;
      bucket.push_back(ring);
    }
  }
}

int Tracers::Impl::attach(const hemo::Network& net, int node, float fraction,
                          std::vector<std::vector<int>>& nodePortLists) {
  const hemo::Compartment& c = net.nodes[ix(node)];
  const float lengthCm = geo[ix(c.vessel)].lengthCm;
  auto& list = nodePortLists[ix(node)];  // [0] tail, [1] head, then internal ports
  if ((fraction - c.fracStart) * lengthCm < kSnapCm || fraction <= c.fracStart) return list[0];
  if ((c.fracEnd - fraction) * lengthCm < kSnapCm || fraction >= c.fracEnd) return list[1];
  for (std::size_t k = 2; k < list.size(); ++k)
    if (std::abs(ports[ix(list[k])].fraction - fraction) * lengthCm < kSnapCm) return list[k];
  Port p;
  p.node = node;
  p.fraction = fraction;
  ports.push_back(p);
  list.push_back(static_cast<int>(ports.size()) - 1);
  return list.back();
}

void Tracers::Impl::buildGraph(const Anatomy& a, const hemo::Network& net) {
  const std::size_t n = net.nodes.size();
  auto drawn = [&](int node) {
    return node >= 0 && net.nodes[ix(node)].vessel >= 0 && geo[ix(net.nodes[ix(node)].vessel)].rings >= 2;
  };
  // 1. A port at each end of every drawn compartment.
  std::vector<std::vector<int>> lists(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!drawn(static_cast<int>(i))) continue;
    for (float f : {net.nodes[i].fracStart, net.nodes[i].fracEnd}) {
      Port p;
      p.node = static_cast<int>(i);
      p.fraction = f;
      ports.push_back(p);
      lists[i].push_back(static_cast<int>(ports.size()) - 1);
    }
  }
  // 2. Where each link attaches: inside a vessel at the shared boundary; a tributary's end at
  //    its parent's drains_at; a connector's start (perforator, collateral) where it leaves the
  //    other vein; beds and the cerebral sinus at the first compartment's start.
  std::vector<std::vector<Branch>> portBranches;
  struct End {
    int port = -1;
    int sign = 1;
  };
  std::vector<std::array<End, 2>> linkEnds(net.links.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    const bool da = drawn(l.a), db = drawn(l.b);
    float fa = 1.0f, fb = 0.0f;
    if (da) fa = net.nodes[ix(l.a)].fracEnd;
    if (db) fb = net.nodes[ix(l.b)].fracStart;
    if (da && db) {
      const int va = net.nodes[ix(l.a)].vessel, vb = net.nodes[ix(l.b)].vessel;
      if (va != vb) {
        const Vessel& A = a.vessels[ix(va)];
        const Vessel& B = a.vessels[ix(vb)];
        const bool tributary = l.a == net.vesselNodes[ix(va)].back() && A.drainsInto == B.id;
        if (tributary) {
          fb = A.drainsAt;
        } else if (l.b == net.vesselNodes[ix(vb)].front()) {
          fa = closestFraction(A.points, B.points.front());  // an origin: B leaves A here
        }
      }
    }
    if (da) linkEnds[j][0] = {attach(net, l.a, fa, lists), 1};
    if (db) linkEnds[j][1] = {attach(net, l.b, fb, lists), -1};
  }
  portBranches.resize(ports.size());
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    for (int e = 0; e < 2; ++e) {
      const End& end = linkEnds[j][ix(e)];
      if (end.port < 0) continue;
      Branch b;
      b.kind = kLink;
      b.index = static_cast<int>(j);
      b.sign = end.sign;
      const End& other = linkEnds[j][ix(1 - e)];
      if (other.port >= 0) {
        b.dest = other.port;
      } else {
        b.dest = (e == 0 && l.b == hemo::kAtriumNode) ? kAtrium : kBed;
      }
      portBranches[ix(end.port)].push_back(b);
    }
  }
  // 3. Segments between consecutive ports of each compartment.
  nodePortStart.assign(n + 1, 0);
  nodeSegStart.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    auto& list = lists[i];
    std::sort(list.begin(), list.end(), [&](int x, int y) { return ports[ix(x)].fraction < ports[ix(y)].fraction; });
    nodePortStart[i] = static_cast<int>(nodePorts.size());
    nodeSegStart[i] = static_cast<int>(segments.size());
    nodePorts.insert(nodePorts.end(), list.begin(), list.end());
    for (std::size_t k = 0; k + 1 < list.size(); ++k) {
      Segment s;
      s.node = static_cast<int>(i);
      s.vessel = net.nodes[i].vessel;
      s.portL = list[k];
      s.portR = list[k + 1];
      s.f0 = ports[ix(s.portL)].fraction;
      s.len = std::max(ports[ix(s.portR)].fraction - s.f0, 1e-7f);
      const hemo::Compartment& c = net.nodes[i];
      s.firstRing = geo[ix(s.vessel)].firstRing;
      s.rings = geo[ix(s.vessel)].rings;
      s.firstBucket = geo[ix(s.vessel)].firstBucket;
      s.buckets = geo[ix(s.vessel)].buckets;
      s.cmPerFraction =
          static_cast<float>(100.0 * c.length / std::max(static_cast<double>(c.fracEnd - c.fracStart), 1e-6));
      const int si = static_cast<int>(segments.size());
      segments.push_back(s);
      portBranches[ix(s.portL)].push_back({kSegRight, si, 1, -1});
      portBranches[ix(s.portR)].push_back({kSegLeft, si, 1, -1});
      if (ports[ix(s.portL)].homeSegment < 0) ports[ix(s.portL)].homeSegment = si;
      ports[ix(s.portR)].homeSegment = si;
    }
  }
  nodePortStart[n] = static_cast<int>(nodePorts.size());
  nodeSegStart[n] = static_cast<int>(segments.size());
  for (std::size_t p = 0; p < ports.size(); ++p) {
    ports[p].firstBranch = static_cast<int>(branches.size());
    ports[p].branches = static_cast<int>(portBranches[p].size());
    branches.insert(branches.end(), portBranches[p].begin(), portBranches[p].end());
  }
  // 4. Sources: links from a compartment without vessel (a capillary bed's small veins, the
  //    cerebral sinus) into a drawn one.
  std::vector<std::string> regions;
  for (std::size_t j = 0; j < net.links.size(); ++j) {
    const hemo::Link& l = net.links[j];
    int from = -1;
    Source src;
    src.link = static_cast<int>(j);
    if (!drawn(l.a) && drawn(l.b)) {
      from = l.a;
      src.port = linkEnds[j][1].port;
      src.sign = 1;
    } else if (l.b >= 0 && drawn(l.a) && !drawn(l.b)) {
      from = l.b;
      src.port = linkEnds[j][0].port;
      src.sign = -1;
    } else if (l.b == hemo::kAtriumNode && drawn(l.a)) {
      // The venae cavae take blood back from the right atrium for a moment each beat (the a
      // wave): that blood is blood too (mixed venous), so it comes in with particles.
      from = hemo::kAtriumNode;
      src.port = linkEnds[j][0].port;
      src.sign = -1;
    } else {
      continue;
    }
    std::string region = from == hemo::kAtriumNode ? "atrium" : "trunk";
    for (const hemo::Bed& bed : net.beds)
      if (bed.node == from) region = bed.region;
    auto it = std::find(regions.begin(), regions.end(), region);
    if (it == regions.end()) {
      regions.push_back(region);
      it = regions.end() - 1;
    }
    src.region = static_cast<int>(it - regions.begin());
    sources.push_back(src);
  }
  for (const std::string& r : regions) regionSat.push_back(regionSaturation(r));
  // Per-step tables (sized once: no allocation per step).
  linkQ.assign(net.links.size(), 0.0);
  portF.assign(ports.size(), 0.0);
  segQL.assign(segments.size(), 0.0);
  segQR.assign(segments.size(), 0.0);
  branchCum.assign(branches.size(), 0.0);
  portTotal.assign(ports.size(), 0.0);
  motion.assign(segments.size(), Motion{});
  for (std::size_t s = 0; s < segments.size(); ++s) {
    motion[s].f0 = segments[s].f0;
    motion[s].len = segments[s].len;
  }
  birthCarry.assign(sources.size(), 0.0);
  bedTop.assign(sources.size(), -1);
  nodeStorage.assign(n, 0.0);
  nodeVolume.assign(n, 0.0);
  nodeCarry.assign(n, 0.0);
  nodeDebt.assign(n, 0);
  nodeSat.assign(n, kDefaultSaturation);
  segNode.resize(segments.size());
  for (std::size_t s = 0; s < segments.size(); ++s) segNode[s] = segments[s].node;
  linkSource.assign(net.links.size(), -1);
  for (std::size_t k = 0; k < sources.size(); ++k) linkSource[ix(sources[k].link)] = static_cast<int>(k);
  ringRadius.assign(rings.size(), 0.0f);
}

}  // namespace venaviz::flow
