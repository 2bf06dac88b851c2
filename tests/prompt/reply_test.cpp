// Pulling the injection JSON out of a model's reply, and the repair round's messages.
#include "prompt/prompt.h"

#include <gtest/gtest.h>

namespace hlsv::prompt {
namespace {

const std::string kJson =
    R"({"Error Size": 1, "Error Specification": [{"Error Type": "OOB", "Original Code": "a[i] = {0};", "Faulty Code": "a[i+1] = {0};"}]})";

TEST(Extract, BareJson) {
    auto e = extract_injection(kJson);
    ASSERT_TRUE(e.ok()) << e.reason;
    EXPECT_EQ(e.json, kJson);
    EXPECT_EQ(e.injection->specs.at(0).faulty, "a[i+1] = {0};");
}

TEST(Extract, MarkdownFenceAndProseAround) {
    std::string reply = "Sure! Here is the bug:\n```json\n" + kJson +
                        "\n```\nThe loop now writes {one} past the end.";
    auto e = extract_injection(reply);
    ASSERT_TRUE(e.ok()) << e.reason;
    EXPECT_EQ(e.json, kJson);
}

TEST(Extract, SkipsOtherObjectsAndCodeBraces) {
    std::string reply = "void f() { int x = 1; }\n{\"note\": \"thinking\"}\n" + kJson;
    auto e = extract_injection(reply);
    ASSERT_TRUE(e.ok()) << e.reason;
    EXPECT_EQ(e.injection->specs.size(), 1u);
}

TEST(Extract, BracesAndEscapedQuotesInsideStrings) {
    std::string json =
        R"({"Error Size": 1, "Error Specification": [{"Error Type": "PREC", "Original Code": "s = \"}\" ; x = (a << 1) + b;", "Faulty Code": "s = \"}\" ; x = a << 1 + b;"}]})";
    auto e = extract_injection("prefix " + json + " suffix }");
    ASSERT_TRUE(e.ok()) << e.reason;
    EXPECT_EQ(e.injection->specs[0].faulty, "s = \"}\" ; x = a << 1 + b;");
}

TEST(Extract, ReasonsForUnusableReplies) {
    EXPECT_NE(extract_injection("").reason.find("empty"), std::string::npos);
    EXPECT_NE(extract_injection("I cannot help with that.").reason.find("no JSON"),
              std::string::npos);
    auto truncated = extract_injection(kJson.substr(0, kJson.size() - 5));
    EXPECT_FALSE(truncated.ok());
    EXPECT_NE(truncated.reason.find("Error Specification"), std::string::npos);
    auto schema = extract_injection(R"({"Error Size": 1, "Error Specification": []})");
    EXPECT_FALSE(schema.ok());
    EXPECT_NE(schema.reason.find("schema"), std::string::npos) << schema.reason;
    EXPECT_FALSE(schema.json.empty());
    auto types =
        extract_injection(R"({"Error Size": "one", "Error Specification": [{"Error Type": 3}]})");
    EXPECT_FALSE(types.ok());
}

TEST(Extract, GenericObjectByKey) {
    auto j = extract_json_object("text {\"Candidates\": [{\"Line\": 3}]} more", "Candidates");
    ASSERT_TRUE(j);
    EXPECT_EQ(*j, "{\"Candidates\": [{\"Line\": 3}]}");
    EXPECT_FALSE(extract_json_object("{\"a\": 1}", "Candidates"));
}

TEST(Extract, PathologicalReplyStaysBounded) {
    std::string reply(200000, '{');
    auto e = extract_injection(reply);
    EXPECT_FALSE(e.ok());
}

TEST(Repair, AppendsTheReplyAndTheReason) {
    std::vector<Message> prev = {{"system", "s"}, {"user", "u"}};
    auto msgs = repair_messages(prev, "not json", "the reply contains no JSON object");
    ASSERT_EQ(msgs.size(), 4u);
    EXPECT_EQ(msgs[0], prev[0]);
    EXPECT_EQ(msgs[1], prev[1]);
    EXPECT_EQ(msgs[2].role, "assistant");
    EXPECT_EQ(msgs[2].content, "not json");
    EXPECT_EQ(msgs[3].role, "user");
    EXPECT_NE(msgs[3].content.find("the reply contains no JSON object"), std::string::npos);
    EXPECT_NE(msgs[3].content.find("Error Specification"), std::string::npos);
}

} // namespace
} // namespace hlsv::prompt
