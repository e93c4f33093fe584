// Start-up costs on the CPU: reading and validating the default scene, and building its
// vessel mesh. Prints figures; no thresholds (targets live in docs/performance.md).
#include <benchmark/benchmark.h>

#include "anatomy/tube_mesh.h"
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

BENCHMARK_MAIN();
