# The two commands of the README. Both install what is missing, build, and are idempotent.
# `make demo` installs and builds only what the binary needs; `make test` adds the test
# dependencies and builds every test and benchmark program in the same build tree.
BUILD ?= build
JOBS ?= $(shell nproc)
HLSV := $(BUILD)/hlsv
CONFIGURE := cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps deps-test configure configure-test build build-all demo test test-slurm sanitize fuzz bench dataset format tidy clean

all: build

deps:
	@scripts/install-deps.sh demo

deps-test:
	@scripts/install-deps.sh test

# A tree configured by `make test` keeps its tests; a fresh one from `make demo` has none.
configure: deps
	@test -f $(BUILD)/build.ninja || $(CONFIGURE) -DHLSV_TESTS=OFF

configure-test: deps-test
	@grep -q '^HLSV_TESTS:BOOL=ON' $(BUILD)/CMakeCache.txt 2>/dev/null && test -f $(BUILD)/build.ninja \
	  || $(CONFIGURE) -DHLSV_TESTS=ON

build: configure
	cmake --build $(BUILD) -j $(JOBS) --target hlsv

build-all: configure-test
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(HLSV)

# The Slurm cluster test runs alone after the others (it starts daemons and wants the cores); it
# skips itself (exit 77) when not root or when slurm-wlm/munge cannot start.
test: build-all
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout 600 -LE slurm
	@$(MAKE) --no-print-directory sanitize
	ctest --test-dir $(BUILD) --output-on-failure -L slurm

# A second tree (build-fuzz: clang, ASan+UBSan): the unit tests of the modules that read untrusted
# text, then their fuzz targets for a few seconds each (regression inputs first).
sanitize: deps-test
	@scripts/fuzz.sh 5 --quick

# Each fuzz target for FUZZ_SECONDS (default 300); crashes land in fuzz/regressions/<target>/.
FUZZ_SECONDS ?= 300
fuzz: deps-test
	@scripts/fuzz.sh $(FUZZ_SECONDS)

# A real single-host Slurm cluster (root, slurm-wlm, munge): docs/scale.md.
test-slurm: build-all
	ctest --test-dir $(BUILD) --output-on-failure -L slurm

bench: build-all
	@scripts/bench.sh $(BUILD)

dataset: build
	@scripts/dataset.sh $(HLSV)

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'benchmarks/*.cpp')

tidy: configure
	run-clang-tidy-14 -p $(BUILD) -quiet 'src/' 2>/dev/null || clang-tidy -p $(BUILD) $$(git ls-files 'src/*.cpp')

clean:
	rm -rf $(BUILD) build-fuzz
