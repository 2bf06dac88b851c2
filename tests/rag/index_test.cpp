// MMR semantics on hand-made unit vectors: relevance order, diversity, ties, exclusion.
#include "rag/rag.h"

#include <cmath>
#include <gtest/gtest.h>

namespace hlsv::rag {
namespace {

std::vector<float> unit(std::vector<float> v) {
    normalize(v);
    return v;
}

TEST(VectorIndex, LambdaOneIsPureRelevanceOrder) {
    VectorIndex idx(2);
    idx.add(1, 10, {"OOB"}, unit({1, 0}).data());
    idx.add(2, 20, {"OOB"}, unit({0.9f, 0.1f}).data());
    idx.add(3, 30, {"OOB"}, unit({0, 1}).data());
    auto q = unit({1, 0});
    auto r = idx.mmr(q.data(), {"OOB"}, {3, 20, 1.0});
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].id, 1);
    EXPECT_EQ(r[1].id, 2);
    EXPECT_EQ(r[2].id, 3);
    EXPECT_NEAR(r[0].relevance, 1.0f, 1e-6);
    EXPECT_NEAR(r[2].relevance, 0.0f, 1e-6);
}

TEST(VectorIndex, LowLambdaPrefersADiverseSecondPick) {
    VectorIndex idx(2);
    idx.add(1, 10, {"OOB"}, unit({1, 0}).data());
    idx.add(2, 20, {"OOB"}, unit({0.99f, 0.01f}).data()); // near-duplicate of 1
    idx.add(3, 30, {"OOB"}, unit({0.5f, 0.5f}).data());   // less relevant, different
    auto q = unit({1, 0});
    auto relevant = idx.mmr(q.data(), {"OOB"}, {2, 20, 1.0});
    EXPECT_EQ(relevant[1].id, 2);
    auto diverse = idx.mmr(q.data(), {"OOB"}, {2, 20, 0.3});
    ASSERT_EQ(diverse.size(), 2u);
    EXPECT_EQ(diverse[0].id, 1);
    EXPECT_EQ(diverse[1].id, 3);
    // mmr_score of the second pick: lambda * rel - (1 - lambda) * sim(3, 1)
    float expect = 0.3f * diverse[1].relevance - 0.7f * unit({0.5f, 0.5f})[0];
    EXPECT_NEAR(diverse[1].mmr_score, expect, 1e-5);
}

TEST(VectorIndex, TiesGoToTheLowerIdDeterministically) {
    VectorIndex idx(2);
    auto v = unit({1, 1});
    for (std::int64_t id : {7, 3, 5}) {
        idx.add(id, id, {"INIT"}, v.data());
    }
    auto r = idx.mmr(v.data(), {"INIT"}, {3, 20, 0.5});
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].id, 3);
    EXPECT_EQ(r[1].id, 5);
    EXPECT_EQ(r[2].id, 7);
}

TEST(VectorIndex, RestrictsToTypeExcludesGroupsAndHonoursFetchK) {
    VectorIndex idx(2);
    idx.add(1, 100, {"OOB"}, unit({1, 0}).data());
    idx.add(2, 200, {"SHFT"}, unit({1, 0}).data());
    idx.add(3, 300, {"OOB", "INIT"}, unit({0.8f, 0.2f}).data());
    idx.add(4, 400, {"OOB"}, unit({0.1f, 0.9f}).data());
    auto q = unit({1, 0});
    auto r = idx.mmr(q.data(), {"OOB"}, {4, 20, 0.5}, {100});
    ASSERT_EQ(r.size(), 2u);
    for (const auto& s : r) {
        EXPECT_NE(s.id, 1); // its group is excluded
        EXPECT_NE(s.id, 2); // another type
    }
    auto top1 = idx.mmr(q.data(), {"OOB"}, {4, 1, 0.5});
    ASSERT_EQ(top1.size(), 1u); // fetch_k = 1 leaves one candidate
    EXPECT_EQ(top1[0].id, 1);
    auto both = idx.mmr(q.data(), {"OOB", "INIT"}, {4, 20, 1.0});
    EXPECT_EQ(both.size(), 3u); // example 3 is in two blocks but selected once
    EXPECT_EQ(idx.rows(), 4u);
    EXPECT_EQ(idx.rows_of("OOB"), 3u);
}

TEST(VectorIndex, RejectsBadParameters) {
    VectorIndex idx(2);
    auto q = unit({1, 0});
    EXPECT_THROW(idx.mmr(q.data(), {"OOB"}, {0, 20, 0.5}), InputError);
    EXPECT_THROW(idx.mmr(q.data(), {"OOB"}, {4, 0, 0.5}), InputError);
    EXPECT_THROW(idx.mmr(q.data(), {"OOB"}, {4, 20, 1.5}), InputError);
    EXPECT_THROW(idx.mmr(q.data(), {"OOB"}, {4, 20, std::nan("")}), InputError);
    EXPECT_TRUE(idx.mmr(q.data(), {"OOB"}, {4, 20, 0.5}).empty());
}

} // namespace
} // namespace hlsv::rag
