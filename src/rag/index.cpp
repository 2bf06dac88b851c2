// Exact MMR over unit vectors kept contiguous per bug type. A query reads only the rows of the
// requested types, once, with a dot-product loop the compiler vectorizes (-fopenmp-simd), and
// keeps the fetch_k best in a small heap; MMR then runs on those few candidates.
#include "rag.h"

#include <algorithm>
#include <cmath>

namespace hlsv::rag {

namespace {

inline float dot(const float* a, const float* b, int n) {
    float s = 0.0f;
#pragma omp simd reduction(+ : s)
    for (int i = 0; i < n; ++i) {
        s += a[i] * b[i];
    }
    return s;
}

struct Candidate {
    float relevance;
    std::int64_t id;
    const float* vec;
};

/// Strict "better" order: higher relevance first, then the lower id (deterministic ties).
bool better(const Candidate& a, const Candidate& b) {
    return a.relevance > b.relevance || (a.relevance == b.relevance && a.id < b.id);
}

} // namespace

void normalize(std::vector<float>& v) {
    double ss = 0;
    for (float x : v) {
        ss += static_cast<double>(x) * x;
    }
    if (ss <= 0) {
        return;
    }
    auto inv = static_cast<float>(1.0 / std::sqrt(ss));
    for (auto& x : v) {
        x *= inv;
    }
}

void validate(const MmrParams& p) {
    if (p.k < 1) {
        throw InputError("--k must be at least 1 (got " + std::to_string(p.k) + ")");
    }
    if (p.fetch_k < 1) {
        throw InputError("--fetch-k must be at least 1 (got " + std::to_string(p.fetch_k) + ")");
    }
    if (!(p.lambda >= 0.0 && p.lambda <= 1.0)) {
        throw InputError("--lambda must be in [0, 1] (got " + std::to_string(p.lambda) + ")");
    }
}

VectorIndex::VectorIndex(int dim) : dim_(dim) {
    if (dim <= 0) {
        throw InternalError("vector index dimension must be positive");
    }
}

void VectorIndex::add(std::int64_t id, std::int64_t group, const std::vector<std::string>& types,
                      const float* vec) {
    for (const auto& t : types) {
        Block& b = blocks_[t];
        b.data.insert(b.data.end(), vec, vec + dim_);
        b.ids.push_back(id);
        b.groups.push_back(group);
    }
    if (id != last_id_) {
        ++distinct_;
        last_id_ = id;
    }
}

std::size_t VectorIndex::rows() const {
    return distinct_;
}

std::size_t VectorIndex::rows_of(const std::string& type) const {
    auto it = blocks_.find(type);
    return it == blocks_.end() ? 0 : it->second.ids.size();
}

std::size_t VectorIndex::bytes() const {
    std::size_t n = 0;
    for (const auto& [t, b] : blocks_) {
        n += b.data.size() * sizeof(float);
    }
    return n;
}

std::vector<Scored> VectorIndex::mmr(const float* query, const std::vector<std::string>& types,
                                     const MmrParams& params,
                                     const std::vector<std::int64_t>& exclude_groups) const {
    validate(params);
    std::vector<std::string> wanted = types;
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    const bool multi = wanted.size() > 1;
    const auto fetch = static_cast<std::size_t>(params.fetch_k);

    // Min-heap on "better": the front is the worst of the current best fetch_k.
    std::vector<Candidate> heap;
    heap.reserve(fetch + 1);
    for (const auto& t : wanted) {
        auto it = blocks_.find(t);
        if (it == blocks_.end()) {
            continue;
        }
        const Block& b = it->second;
        const std::size_t n = b.ids.size();
        const float* row = b.data.data();
        for (std::size_t r = 0; r < n; ++r, row += dim_) {
            float s = dot(query, row, dim_);
            Candidate c{s, b.ids[r], row};
            if (heap.size() == fetch && !better(c, heap.front())) {
                continue;
            }
            if (!exclude_groups.empty() && std::find(exclude_groups.begin(), exclude_groups.end(),
                                                     b.groups[r]) != exclude_groups.end()) {
                continue;
            }
            if (multi && std::any_of(heap.begin(), heap.end(),
                                     [&](const Candidate& h) { return h.id == c.id; })) {
                continue;
            }
            heap.push_back(c);
            std::push_heap(heap.begin(), heap.end(), better);
            if (heap.size() > fetch) {
                std::pop_heap(heap.begin(), heap.end(), better);
                heap.pop_back();
            }
        }
    }
    std::sort(heap.begin(), heap.end(), better);

    // Greedy MMR: each step takes the candidate with the best
    // lambda * relevance - (1 - lambda) * (max similarity to the picks so far).
    const auto lambda = static_cast<float>(params.lambda);
    std::vector<float> max_sim(heap.size(), -INFINITY);
    std::vector<bool> taken(heap.size(), false);
    std::vector<Scored> out;
    const std::size_t k = std::min(heap.size(), static_cast<std::size_t>(params.k));
    for (std::size_t step = 0; step < k; ++step) {
        std::size_t best = heap.size();
        float best_score = 0;
        for (std::size_t i = 0; i < heap.size(); ++i) {
            if (taken[i]) {
                continue;
            }
            float redundancy = step == 0 ? 0.0f : max_sim[i];
            float score = lambda * heap[i].relevance - (1.0f - lambda) * redundancy;
            if (best == heap.size() || score > best_score ||
                (score == best_score && heap[i].id < heap[best].id)) {
                best = i;
                best_score = score;
            }
        }
        taken[best] = true;
        out.push_back({heap[best].id, heap[best].relevance, best_score});
        for (std::size_t i = 0; i < heap.size(); ++i) {
            if (!taken[i]) {
                max_sim[i] = std::max(max_sim[i], dot(heap[i].vec, heap[best].vec, dim_));
            }
        }
    }
    return out;
}

double VectorIndex::scan_floor(const std::vector<std::string>& types) const {
    double total = 0;
    for (const auto& t : types) {
        auto it = blocks_.find(t);
        if (it == blocks_.end()) {
            continue;
        }
        const float* p = it->second.data.data();
        const std::size_t n = it->second.data.size();
        float s = 0.0f;
#pragma omp simd reduction(+ : s)
        for (std::size_t i = 0; i < n; ++i) {
            s += p[i];
        }
        total += s;
    }
    return total;
}

} // namespace hlsv::rag
