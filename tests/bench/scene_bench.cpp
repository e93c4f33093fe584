// Start-up costs on the CPU: reading and validating the default scene, building its vessel
// mesh, and simplifying its context models for distant views (what SceneRenderer::setContext
// does). Prints figures; no thresholds (targets live in docs/performance.md).
#include <benchmark/benchmark.h>

#include "anatomy/simplify.h"
#include "anatomy/tube_mesh.h"
#include "io/model_import.h"
#include "io/scene.h"

using namespace venaviz;

static void BM_LoadDefaultScene(benchmark::State& state) {
  for (auto _ : state) {
    Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
    benchmark::DoNotOptimize(s.anatomy.vessels.data());
  }
}
BENCHMARK(BM_LoadDefaultScene)->Unit(benchmark::kMillisecond);

static void BM_BuildVesselMesh(benchmark::State& state) {
  const Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  std::size_t triangles = 0;
  for (auto _ : state) {
    Mesh m = buildVesselMesh(s.anatomy);
    triangles = m.indices.size() / 3;
    benchmark::DoNotOptimize(m.vertices.data());
  }
  state.counters["triangles"] = static_cast<double>(triangles);
}
BENCHMARK(BM_BuildVesselMesh)->Unit(benchmark::kMillisecond);

// All context models of the default scene with the renderer's settings (the defaults); the
// counters give the triangles before and after.
static void BM_SimplifyContextModels(benchmark::State& state) {
  const Scene s = io::loadScene(VENAVIZ_SOURCE_DIR "/scenes/default.json");
  std::vector<Mesh> models;
  std::size_t before = 0, after = 0;
  for (std::size_t i = 0; i < s.anatomy.models.size(); ++i) {
    models.push_back(io::importModel(s.anatomy.models[i], static_cast<float>(i)));
    before += models.back().indices.size() / 3;
  }
  for (auto _ : state) {
    after = 0;
    for (const Mesh& m : models) {
      const Mesh c = simplifyMesh(m);
      after += c.indices.size() / 3;
      benchmark::DoNotOptimize(c.vertices.data());
    }
  }
  state.counters["triangles_in"] = static_cast<double>(before);
  state.counters["triangles_out"] = static_cast<double>(after);
}
BENCHMARK(BM_SimplifyContextModels)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
