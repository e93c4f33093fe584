#include "hemo/engine.h"

#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>
#include <algorithm>
#include <cmath>

namespace venaviz::hemo {

struct Engine::Solver {
  /// The system in a fill-reducing (AMD) order found once from the pattern: row perm[i] is node
  /// i. Assembled in that order, so each factorisation need not permute the matrix again (it
  /// was a tenth of the step) and the solver keeps its natural ordering.
  Eigen::SparseMatrix<double> J;
  // (Upper: with no ordering Eigen then factorises the matrix in place, no copy.)
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Upper, Eigen::NaturalOrdering<int>> ldlt;
  std::vector<Eigen::Index> perm;
  std::vector<double*> diag;                                ///< per node
  std::vector<std::array<double*, 2>> offDiag;              ///< per link (a,b) and (b,a); null for atrium links
  std::vector<int> axialOut;                                ///< per node: the link carrying its flow onwards
  Eigen::VectorXd rhs, dp;
  bool analysed = false;
  struct Scratch {
    std::vector<double> Vn, g, off, q, net, bedC, bedS;
  } scratch;
};

namespace {
constexpr double kQEps = 1e-9;         // m^3/s (1e-3 mL/s): |Q| regularisation (engine.md §3.3)
constexpr double kYoungTsaiKt = 1.52;  // turbulent loss coefficient (engine.md §1.3, unsourced/recalled)
/// Resistance factor of a flattened (constant-perimeter) lumen vs a circle of the same area:
/// phi = (lambda + 1/lambda)/2 fits 1.15 at a = 0.9, 2.3 at 0.5, 12 at 0.1, 25 at 0.05 (engine.md §1.3).
double collapseFactor(double a) {
  return a >= 1.0 ? 1.0 : std::pow(std::max(a, 0.01), -1.07);
}
double softAbs(double q) {
  return std::sqrt(q * q + kQEps * kQEps);
}
std::size_t ix(int i) {
  return static_cast<std::size_t>(i);
}
}  // namespace

Engine::Engine(const Anatomy& anatomy, const Params& params)
    : params_(params), net_(buildNetwork(anatomy, params_)), drivers_(params_), solver_(std::make_unique<Solver>()) {
  const std::size_t n = net_.nodes.size(), m = net_.links.size();
  law_.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    law_[i] = {net_.nodes[i].kp, params_.tubeM, params_.tubeN, params_.alphaMin, params_.alphaMax};
  V_.resize(n);
  for (std::size_t i = 0; i < n; ++i) V_[i] = net_.nodes[i].area0 * net_.nodes[i].length;
  Q_.assign(m, 0.0);
  Qk_.assign(m, 0.0);
  zeta_.assign(net_.valves.size(), 1.0);
  lastDp_.assign(net_.valves.size(), 0.0);
  lastReflux_.assign(net_.valves.size(), 0.0);
  currentReflux_.assign(net_.valves.size(), 0.0);
  p_.assign(n, 0.0);
  V0_.resize(n);
  for (std::size_t i = 0; i < n; ++i) V0_[i] = net_.nodes[i].area0 * net_.nodes[i].length;
  alpha_.assign(n, 1.0);
  area_.resize(n);
  for (std::size_t i = 0; i < n; ++i) area_[i] = net_.nodes[i].area0;
  C_.assign(n, 0.0);
  pext_.assign(n, 0.0);
  h_.assign(n, 0.0);
  bedQ_.assign(net_.beds.size(), 0.0);
  source_.assign(net_.nodes.size(), 0.0);
  cond_.valveRegurgitant.assign(net_.valves.size(), 0.0);
  cond_.linkArea.assign(m, 1.0);
  cond_.linkLesion.assign(m, Lesion::None);
  // Collaterals drawn at their developed size, and shunts or grafts not yet put in, start
  // (nearly) closed: the fraction of their lumen open in health.
  for (std::size_t j = 0; j < m; ++j) {
    const int v = net_.links[j].owner;
    if (v < 0 || anatomy.vessels[static_cast<std::size_t>(v)].restOpen >= 1.0f) continue;
    cond_.linkArea[j] = std::max(static_cast<double>(anatomy.vessels[static_cast<std::size_t>(v)].restOpen), 1e-4);
    cond_.linkLesion[j] = Lesion::Closure;
  }
  cond_.nodeExternal.assign(n, 0.0);
  cond_.bedScale.assign(net_.beds.size(), 1.0);
  assemblePattern();
  settle(20.0);
}

Engine::~Engine() = default;

void Engine::assemblePattern() {
  Solver& s = *solver_;
  const auto n = static_cast<Eigen::Index>(net_.nodes.size());
  // The ordering, as SimplicialLDLT with AMD would find it: P = (AMD of the full pattern)^-1,
  // the factorised matrix P J P^T.
  std::vector<Eigen::Triplet<double>> trips;
  for (Eigen::Index i = 0; i < n; ++i) trips.emplace_back(i, i, 1.0);
  for (const Link& l : net_.links)
    if (l.b >= 0) {
      trips.emplace_back(l.a, l.b, 1.0);
      trips.emplace_back(l.b, l.a, 1.0);
    }
  Eigen::SparseMatrix<double> pattern(n, n);
  pattern.setFromTriplets(trips.begin(), trips.end());
  Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> pinv;
  Eigen::AMDOrdering<int>()(pattern, pinv);
  const Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> P = pinv.inverse();
  s.perm.resize(net_.nodes.size());
  for (Eigen::Index i = 0; i < n; ++i) s.perm[ix(static_cast<int>(i))] = P.indices()[i];
  trips.clear();
  for (Eigen::Index i = 0; i < n; ++i) trips.emplace_back(s.perm[ix(static_cast<int>(i))], s.perm[ix(static_cast<int>(i))], 1.0);
  for (const Link& l : net_.links)
    if (l.b >= 0) {
      trips.emplace_back(s.perm[ix(l.a)], s.perm[ix(l.b)], 0.0);
      trips.emplace_back(s.perm[ix(l.b)], s.perm[ix(l.a)], 0.0);
    }
  s.J.resize(n, n);
  s.J.setFromTriplets(trips.begin(), trips.end());
  s.J.makeCompressed();
  s.diag.resize(net_.nodes.size());
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index r = s.perm[ix(static_cast<int>(i))];
    s.diag[ix(static_cast<int>(i))] = &s.J.coeffRef(r, r);
  }
  s.offDiag.assign(net_.links.size(), {nullptr, nullptr});
  for (std::size_t j = 0; j < net_.links.size(); ++j) {
    const Link& l = net_.links[j];
    if (l.b >= 0)
      s.offDiag[j] = {&s.J.coeffRef(s.perm[ix(l.a)], s.perm[ix(l.b)]), &s.J.coeffRef(s.perm[ix(l.b)], s.perm[ix(l.a)])};
  }
  s.axialOut.assign(net_.nodes.size(), -1);
  for (std::size_t j = 0; j < net_.links.size(); ++j) {
    const Link& l = net_.links[j];
    const Compartment& a = net_.nodes[ix(l.a)];
    // The onward link: to the next compartment of the same vessel, else the junction.
    const bool sameVessel = l.b >= 0 && net_.nodes[ix(l.b)].vessel == a.vessel && a.vessel >= 0;
    if (s.axialOut[ix(l.a)] < 0 || sameVessel) s.axialOut[ix(l.a)] = static_cast<int>(j);
  }
  s.rhs.resize(n);
  s.dp.resize(n);
}

void Engine::updateDrivers() {
  const DriverState d = drivers_.at(t_);
  for (std::size_t i = 0; i < net_.nodes.size(); ++i) {
    const Compartment& c = net_.nodes[i];
    const int k = c.side > 0 ? 0 : 1;
    double pe = 0.0;
    switch (c.group) {
      case ExtGroup::None:
        break;
      case ExtGroup::Thoracic:
        pe = d.thoracic;
        break;
      case ExtGroup::Abdominal:
        pe = d.abdominal;
        break;
      case ExtGroup::CalfLeft:
      case ExtGroup::CalfRight:
        pe = d.calf[k];
        break;
      case ExtGroup::ThighLeft:
      case ExtGroup::ThighRight:
        pe = d.thigh[k];
        break;
      case ExtGroup::FootLeft:
      case ExtGroup::FootRight:
        pe = d.foot[k];
        break;
      case ExtGroup::Cranial:
        pe = d.cranial;
        break;
    }
    // A squeeze or cuff presses on everything in the calf, superficial veins included.
    if (c.side != 0 && c.vessel >= 0 && c.center.z > 12.0f && c.center.z < 44.0f && c.group != ExtGroup::Cranial &&
        (c.group == ExtGroup::None || c.group == ExtGroup::CalfLeft || c.group == ExtGroup::CalfRight))
      pe = std::max(pe, d.squeeze[k]);
    // A thigh tourniquet closes the superficial veins of mid-thigh (the deep ones lie under
    // the fascia and muscle).
    if (c.superficial && c.side != 0 && c.center.z > 58.0f && c.center.z < 68.0f) pe = std::max(pe, d.tourniquet[k]);
    pext_[i] = pe + cond_.nodeExternal[i];
  }
  // Heights change only while a posture change is ramping: recompute them then, else reuse.
  const DriverSettings& ds = drivers_.settings();
  const bool ramping = drivers_.postureBlend(t_) < 1.0;
  if (ramping || !heightsValid_ || ds.posture != heightsPosture_ || ds.tiltDeg != heightsTilt_) {
    for (std::size_t i = 0; i < net_.nodes.size(); ++i) h_[i] = drivers_.height(net_.nodes[i].center, t_);
    hRA_ = drivers_.height(net_.raCenter, t_);
    heightsValid_ = !ramping;
    heightsPosture_ = ds.posture;
    heightsTilt_ = ds.tiltDeg;
  }
  pRA_ = d.rightAtrium;
}

void Engine::updateValves(double dt) {
  // Exact exponential update of the Mynard valve state with the last pressure difference
  // (engine.md §3.3): keeps zeta in [0,1] for any dt.
  for (std::size_t k = 0; k < net_.valves.size(); ++k) {
    if (net_.valves[k].link < 0) continue;
    const double dp = lastDp_[k];
    if (dp > 0.0)
      zeta_[k] = 1.0 - (1.0 - zeta_[k]) * std::exp(-params_.valveKvo * dp * dt);
    else if (dp < 0.0)
      zeta_[k] = zeta_[k] * std::exp(params_.valveKvc * dp * dt);
    const double reverse = -Q_[ix(net_.valves[k].link)] / net_.valves[k].annulus;  // m/s
    if (reverse > 0.0) zeta_[k] *= std::exp(-params_.valveReverseClose * reverse * dt);
  }
}

double Engine::areaRatio(int i) const {
  return V_[ix(i)] / V0_[ix(i)];
}

void Engine::linkCoefficients(std::size_t j, double dt, double& g, double& offset) const {
  const Link& l = net_.links[j];
  // alpha_/area_ hold this iterate's area ratio and area per node (set by step()).
  const double aA = std::max(alpha_[ix(l.a)], params_.alphaMin);
  const double Aa = std::max(area_[ix(l.a)], params_.alphaMin * net_.nodes[ix(l.a)].area0);
  double Ab = Aa, aB = aA, hb = hRA_;
  if (l.b >= 0) {
    aB = std::max(alpha_[ix(l.b)], params_.alphaMin);
    Ab = std::max(area_[ix(l.b)], params_.alphaMin * net_.nodes[ix(l.b)].area0);
    hb = h_[ix(l.b)];
  }
  const double A = 2.0 / (1.0 / Aa + 1.0 / Ab);  // harmonic mean of the two ends
  const double kappa = std::clamp(cond_.linkArea[j], 1e-4, 1.0);
  const double As = kappa * A;
  double R = l.resistance > 0.0 ? l.resistance / (kappa * kappa)
                                : 8.0 * kPi * params_.mu * l.length * collapseFactor(std::min(aA, aB)) / (As * As);
  double L = params_.rho * l.length / As;
  double S = kappa < 1.0 && l.resistance <= 0.0
                 ? kYoungTsaiKt * params_.rho / (2.0 * A * A) * (1.0 / kappa - 1.0) * (1.0 / kappa - 1.0)
                 : 0.0;
  if (l.kind == LinkKind::Valve) {
    const ValveSite& v = net_.valves[ix(l.valve)];
    const double mrg = std::clamp(std::max(cond_.valveRegurgitant[ix(l.valve)], params_.valveMrgHealthy), 0.0, 1.0);
    const double zeta = zeta_[ix(l.valve)];
    const double Aeff = std::min(((1.0 - mrg) * zeta + mrg) * v.annulus, As);  // Mynard: M_st = 1
    S += params_.rho / (2.0 * Aeff * Aeff);
    L += params_.rho * v.lengthEff / Aeff;
  }
  const double qk = Qk_[j];
  const double aq = softAbs(qk);
  g = 1.0 / (L / dt + R + 2.0 * S * aq);
  const double hyd = params_.rho * params_.gravity * (h_[ix(l.a)] - hb);
  offset = g * (L / dt * Q_[j] + S * aq * qk + hyd);
}

StepStats Engine::step(double dt) {
  Solver& s = *solver_;
  const std::size_t n = net_.nodes.size(), m = net_.links.size();
  t_ += dt;
  updateDrivers();
  updateValves(dt);
  // Per-step work arrays live in the solver (no allocation per step).
  Solver::Scratch& w = s.scratch;
  w.Vn = V_;
  const std::vector<double>& Vn = w.Vn;
  Qk_ = Q_;
  w.g.resize(m);
  w.off.resize(m);
  w.q.resize(m);
  w.net.resize(n);
  w.bedC.resize(net_.beds.size());
  w.bedS.resize(net_.beds.size());
  std::vector<double>&g = w.g, &off = w.off, &q = w.q, &net = w.net, &bedC = w.bedC, &bedS = w.bedS;
  const double hRA = hRA_;
  for (std::size_t b = 0; b < net_.beds.size(); ++b) {
    const Bed& bed = net_.beds[b];
    if (bed.resistance > 0.0) {
      // Arterial pressure at the bed's height (engine.md §1.9: the arterial side gets the same head).
      const double pArt = params_.map + params_.rho * params_.gravity * (hRA - h_[ix(bed.node)]);
      bedC[b] = cond_.bedScale[b] / bed.resistance;
      bedS[b] = pArt * bedC[b];
    } else {
      bedC[b] = 0.0;
      bedS[b] = bed.targetFlow * cond_.bedScale[b];  // fixed flow (brain autoregulation)
    }
  }
  // Arteriovenous fistulas behave like low-resistance beds.
  std::vector<double> fistC(cond_.fistulas.size()), fistS(cond_.fistulas.size());
  for (std::size_t f = 0; f < cond_.fistulas.size(); ++f) {
    const auto [node, cond] = cond_.fistulas[f];
    fistC[f] = cond;
    fistS[f] = (params_.map + params_.rho * params_.gravity * (hRA - h_[ix(node)])) * cond;
  }
  auto evaluate = [&]() {
    const double etaDt = params_.wallViscosity / dt;
    for (std::size_t i = 0; i < n; ++i) {
      const double V0 = V0_[i], a = V_[i] / V0;
      double ptm = 0.0, slope = 0.0;
      law_[i].evaluate(a, ptm, slope);
      alpha_[i] = a;
      area_[i] = a * net_.nodes[i].area0;
      p_[i] = pext_[i] + ptm + etaDt * (a - Vn[i] / V0);
      C_[i] = V0 / (slope + etaDt);
      net[i] = source_[i];
    }
    for (std::size_t j = 0; j < m; ++j) {
      const Link& l = net_.links[j];
      linkCoefficients(j, dt, g[j], off[j]);
      const double pb = l.b >= 0 ? p_[ix(l.b)] : pRA_;
      q[j] = g[j] * (p_[ix(l.a)] - pb) + off[j];
      net[ix(l.a)] -= q[j];
      if (l.b >= 0) net[ix(l.b)] += q[j];
    }
    for (std::size_t b = 0; b < net_.beds.size(); ++b) {
      const std::size_t i = ix(net_.beds[b].node);
      bedQ_[b] = bedS[b] - bedC[b] * p_[i];
      net[i] += bedQ_[b];
    }
    for (std::size_t f = 0; f < cond_.fistulas.size(); ++f) {
      const std::size_t i = ix(cond_.fistulas[f].first);
      const double qf = fistS[f] - fistC[f] * p_[i];
      net[i] += qf;
    }
  };

  StepStats stats;
  const int maxIter = 12;
  bool converged = false, linearised = false;
  std::vector<double> fistQ(cond_.fistulas.size(), 0.0);
  for (int it = 0; it < maxIter; ++it) {
    evaluate();
    double worst = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double F = (V_[i] - Vn[i]) / dt - net[i];
      s.rhs[s.perm[i]] = -F;
      worst = std::max(worst, std::abs(F) * dt);
    }
    stats.newtonIterations = it;
    stats.massResidualMl = worst * 1e6;
    if (it > 0 && worst < 1e-12) {  // 1e-6 mL per step (engine.md §3.3)
      converged = true;
      break;
    }
    // J = diag(C/dt) + G (+ bed conductances): symmetric positive definite.
    if (it == 0 || it % 4 == 0) {
      for (std::size_t i = 0; i < n; ++i) *s.diag[i] = C_[i] / dt;
      for (std::size_t b = 0; b < net_.beds.size(); ++b) *s.diag[ix(net_.beds[b].node)] += bedC[b];
      for (std::size_t f = 0; f < cond_.fistulas.size(); ++f) *s.diag[ix(cond_.fistulas[f].first)] += fistC[f];
      for (std::size_t j = 0; j < m; ++j) {
        const Link& l = net_.links[j];
        *s.diag[ix(l.a)] += g[j];
        if (l.b >= 0) {
          *s.diag[ix(l.b)] += g[j];
          *s.offDiag[j][0] = -g[j];
          *s.offDiag[j][1] = -g[j];
        }
      }
    }
    if (!s.analysed) {
      s.ldlt.analyzePattern(s.J);
      s.analysed = true;
    }
    // Chord Newton: factor the Jacobian once per step and reuse it for the later iterations
    // (they converge linearly but each costs one solve instead of a factorisation); refactor if
    // convergence stalls.
    if (it == 0 || it % 4 == 0) s.ldlt.factorize(s.J);
    s.dp = s.ldlt.solve(s.rhs);
    for (std::size_t i = 0; i < n; ++i) {
      const double V0 = net_.nodes[i].area0 * net_.nodes[i].length;
      V_[i] = std::max(V_[i] + C_[i] * s.dp[s.perm[i]], 0.3 * params_.alphaMin * V0);
    }
    for (std::size_t j = 0; j < m; ++j) {
      const Link& l = net_.links[j];
      const double dpb = l.b >= 0 ? s.dp[s.perm[ix(l.b)]] : 0.0;
      Qk_[j] = q[j] + g[j] * (s.dp[s.perm[ix(l.a)]] - dpb);
    }
    stats.newtonIterations = it + 1;
    if (params_.linearlyImplicit) {
      // Linearly implicit (Rosenbrock-Euler) step: the flows of the linearised system are the
      // step's flows. One evaluation, one factorisation, one solve; mass is still booked exactly.
      q = Qk_;
      std::copy(source_.begin(), source_.end(), net.begin());
      for (std::size_t j = 0; j < m; ++j) {
        const Link& l = net_.links[j];
        net[ix(l.a)] -= q[j];
        if (l.b >= 0) net[ix(l.b)] += q[j];
      }
      for (std::size_t b = 0; b < net_.beds.size(); ++b) {
        const auto i = static_cast<Eigen::Index>(net_.beds[b].node);
        bedQ_[b] -= bedC[b] * s.dp[s.perm[static_cast<std::size_t>(i)]];
        net[static_cast<std::size_t>(i)] += bedQ_[b];
      }
      for (std::size_t f = 0; f < cond_.fistulas.size(); ++f) {
        const auto i = static_cast<std::size_t>(cond_.fistulas[f].first);
        fistQ[f] = fistS[f] - fistC[f] * (p_[i] + s.dp[s.perm[i]]);
        net[i] += fistQ[f];
      }
      linearised = true;
      stats.linearlyImplicit = true;
      stats.massResidualMl = 0.0;
      break;
    }
  }
  // Exact bookkeeping: the volumes follow from the final link flows, so blood is conserved to
  // round-off whatever the Newton tolerance. (A converged loop has just evaluated them.)
  if (!converged && !linearised) evaluate();
  for (std::size_t i = 0; i < n; ++i) V_[i] = Vn[i] + dt * net[i];
  Q_ = q;
  for (std::size_t b = 0; b < net_.beds.size(); ++b) inflowTotal_ += dt * bedQ_[b];
  for (double qs : source_) sourceTotal_ += dt * qs;
  for (std::size_t f = 0; f < cond_.fistulas.size(); ++f)
    inflowTotal_ += dt * (linearised ? fistQ[f] : fistS[f] - fistC[f] * p_[ix(cond_.fistulas[f].first)]);
  for (std::size_t j = 0; j < m; ++j)
    if (net_.links[j].b < 0) outflowTotal_ += dt * q[j];
  // Valve pressure differences for the next state update, and reflux timing.
  for (std::size_t k = 0; k < net_.valves.size(); ++k) {
    const int j = net_.valves[k].link;
    if (j < 0) continue;
    const Link& l = net_.links[ix(j)];
    lastDp_[k] = p_[ix(l.a)] - p_[ix(l.b)] + params_.rho * params_.gravity * (h_[ix(l.a)] - h_[ix(l.b)]);
    const double velocity = Q_[ix(j)] / net_.valves[k].annulus;
    if (velocity < -0.01) {  // reverse flow faster than 1 cm/s
      currentReflux_[k] += dt;
    } else if (currentReflux_[k] > 0.0) {
      lastReflux_[k] = currentReflux_[k];
      currentReflux_[k] = 0.0;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double V0 = net_.nodes[i].area0 * net_.nodes[i].length;
    p_[i] = pext_[i] + law_[i].pressure(V_[i] / V0);
  }
  return stats;
}

void Engine::settle(double seconds, double dt) {
  const double t0 = t_;
  const bool breathing = drivers_.settings().breathing;
  drivers_.settings().breathing = false;
  const int steps = static_cast<int>(seconds / dt);
  for (int k = 0; k < steps; ++k) step(dt);
  drivers_.settings().breathing = breathing;
  // Rewind the clock and every start time with it, so a posture reached stays reached.
  drivers_.shiftTimes(t0 - t_);
  t_ = t0;
  std::fill(lastReflux_.begin(), lastReflux_.end(), 0.0);  // episodes during settling do not count
  std::fill(currentReflux_.begin(), currentReflux_.end(), 0.0);
  inflowTotal_ = outflowTotal_ = sourceTotal_ = 0.0;
}

double Engine::totalVolume() const {
  double v = 0.0;
  for (double x : V_) v += x;
  return v;
}

NodeOutput Engine::node(int i) const {
  NodeOutput o;
  const Compartment& c = net_.nodes[ix(i)];
  const double a = areaRatio(i), A = a * c.area0;
  o.pressureMmHg = p_[ix(i)] / kMmHg;
  o.transmuralMmHg = (p_[ix(i)] - pext_[ix(i)]) / kMmHg;
  o.areaCm2 = A * 1e4;
  o.diameterMm = 2.0 * std::sqrt(A / kPi) * 1e3;
  o.volumeMl = V_[ix(i)] * 1e6;
  const int j = solver_->axialOut[ix(i)];
  o.flowMlS = j >= 0 ? Q_[ix(j)] * 1e6 : 0.0;
  o.velocityCmS = j >= 0 ? Q_[ix(j)] / A * 100.0 : 0.0;
  return o;
}

}  // namespace venaviz::hemo
