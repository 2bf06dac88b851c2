# The two commands of the README. Both install what is missing, build, and are idempotent.
BUILD ?= build
JOBS ?= $(shell nproc)
HLSV := $(BUILD)/hlsv

.PHONY: all deps build demo test bench dataset format tidy clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(HLSV)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@scripts/bench.sh $(BUILD)

dataset: build
	@scripts/dataset.sh $(HLSV)

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'benchmarks/*.cpp')

tidy: $(BUILD)/build.ninja
	run-clang-tidy-14 -p $(BUILD) -quiet 'src/' 2>/dev/null || clang-tidy -p $(BUILD) $$(git ls-files 'src/*.cpp')

clean:
	rm -rf $(BUILD)
