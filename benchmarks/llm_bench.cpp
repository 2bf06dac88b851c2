// llm_bench: the openai client against the loopback server answering instantly.
// Prints, side by side with baselines measured in the same run:
//  - round-trip latency at 1 in flight vs a minimal blocking keep-alive client on a raw socket
//    (the floor: kernel + server), and the client's own CPU time per request;
//  - requests/s with 1, 8 and 64 in flight;
//  - cache-hit latency vs computing the request hash alone.
// Goals: client overhead <= 1 ms/request, >= 2,000 requests/s at 64 in flight, hit <= 100 us.
// The machine is shared: CPU times (thread clock) are the steadier numbers.
#include "llm/llm.h"
#include "loopback_server.h"

#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace hlsv;

namespace {

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string prompt_text(int i) {
    std::string s = "Inject an OOB bug into this design (request " + std::to_string(i) + ").\n";
    while (s.size() < 3000) {
        s += "for (int i = 0; i < N; i++) { out[i] = a[i] + b[i]; }\n";
    }
    return s;
}

std::vector<llm::ChatRequest> requests(int n, int salt) {
    std::vector<llm::ChatRequest> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        out[static_cast<std::size_t>(i)].messages = {{"system", "You inject bugs."},
                                                     {"user", prompt_text(i)}};
        out[static_cast<std::size_t>(i)].attempt = salt;
    }
    return out;
}

/// The floor: one blocking keep-alive connection, hand-written request, read to Content-Length.
double raw_round_trip_us(int port, int n) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::perror("connect");
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    std::string body =
        R"({"model":"m","messages":[{"role":"user","content":")" + std::string(3000, 'x') + "\"}]}";
    std::string req = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Type: application/json\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body;
    char buf[65536];
    double t0 = now_s();
    for (int i = 0; i < n; ++i) {
        ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
        std::string got;
        std::size_t need = std::string::npos;
        while (need == std::string::npos || got.size() < need) {
            ssize_t r = ::recv(fd, buf, sizeof buf, 0);
            if (r <= 0) {
                ::close(fd);
                return -1;
            }
            got.append(buf, static_cast<std::size_t>(r));
            auto head = got.find("\r\n\r\n");
            if (need == std::string::npos && head != std::string::npos) {
                auto cl = got.find("Content-Length: ");
                need = head + 4 + std::stoul(got.substr(cl + 16));
            }
        }
    }
    double us = (now_s() - t0) / n * 1e6;
    ::close(fd);
    return us;
}

struct Run {
    double wall_s;
    double cpu_s;
    int ok;
};

Run run(llm::Backend& backend, const std::vector<llm::ChatRequest>& reqs) {
    double c0 = thread_cpu_s();
    double t0 = now_s();
    auto results = backend.complete_all(reqs);
    Run r{now_s() - t0, thread_cpu_s() - c0, 0};
    for (const auto& x : results) {
        r.ok += x.ok() ? 1 : 0;
    }
    return r;
}

} // namespace

int main() {
    const std::string reply = testing::completion_body(
        R"({"Error Size": 1, "Error Specification": [{"Error Type": "OOB", "Original Code": "i < N", "Faulty Code": "i <= N"}]})");
    testing::LoopbackServer server([&](const testing::HttpRequest&) {
        return testing::HttpReply{200, reply};
    });
    server.set_keep_log(false);

    std::printf("llm_bench: openai client vs loopback server (instant replies, ~3 KB prompts)\n\n");

    // Latency at 1 in flight, against the raw-socket floor.
    raw_round_trip_us(server.port(), 200); // warm-up
    double raw_us = raw_round_trip_us(server.port(), 2000);
    int salt = 0;
    {
        llm::OpenAiOptions o;
        o.base_url = server.base_url();
        o.model = "bench";
        o.max_inflight = 1;
        auto backend = llm::make_openai(o);
        run(*backend, requests(200, ++salt)); // warm-up
        const int n = 2000;
        Run r = run(*backend, requests(n, ++salt));
        double client_us = r.wall_s / n * 1e6;
        std::printf("%-44s %10s %10s\n", "latency, 1 in flight", "us/req", "");
        std::printf("%-44s %10.1f\n", "  raw socket client (floor)", raw_us);
        std::printf("%-44s %10.1f   (ok %d/%d)\n", "  hlsv openai client", client_us, r.ok, n);
        std::printf("%-44s %10.1f   (goal <= 1000)\n", "  overhead over the floor",
                    client_us - raw_us);
        std::printf("%-44s %10.1f   (goal <= 1000)\n\n", "  client thread CPU per request",
                    r.cpu_s / n * 1e6);
    }

    std::printf("%-44s %10s %10s %10s\n", "throughput", "req/s", "cpu us/req", "ok");
    for (int inflight : {1, 8, 64}) {
        llm::OpenAiOptions o;
        o.base_url = server.base_url();
        o.model = "bench";
        o.max_inflight = inflight;
        auto backend = llm::make_openai(o);
        run(*backend, requests(inflight * 4, ++salt)); // open the connections
        const int n = inflight == 1 ? 2000 : 6000;
        Run r = run(*backend, requests(n, ++salt));
        std::printf("  %-42s %10.0f %10.1f %6d/%d%s\n",
                    (std::to_string(inflight) + " in flight").c_str(), n / r.wall_s,
                    r.cpu_s / n * 1e6, r.ok, n, inflight == 64 ? "   (goal >= 2000 req/s)" : "");
    }

    // Cache hits: a pre-filled memory cache, no network.
    {
        llm::MemoryCache cache;
        llm::OpenAiOptions o;
        o.base_url = server.base_url();
        o.model = "bench";
        o.cache = &cache;
        o.max_inflight = 64;
        auto backend = llm::make_openai(o);
        const int n = 5000;
        auto reqs = requests(n, ++salt);
        int before = server.request_count();
        run(*backend, reqs); // fills the cache
        int sent = server.request_count() - before;
        Run hits = run(*backend, reqs);
        double c0 = thread_cpu_s();
        double t0 = now_s();
        std::size_t sink = 0;
        for (const auto& r : reqs) {
            sink += llm::request_hash(r).size();
        }
        double hash_us = (now_s() - t0) / n * 1e6;
        (void)c0;
        std::printf("\n%-44s %10s\n", "cache", "us/req");
        std::printf("%-44s %10.1f\n", "  request hash alone (floor)", hash_us);
        std::printf("%-44s %10.1f   (goal <= 100; ok %d/%d; network during hits: %d)\n",
                    "  cache hit through complete_all", hits.wall_s / n * 1e6, hits.ok, n,
                    server.request_count() - before - sent);
        if (sink == 0) {
            std::printf("?\n");
        }
    }
    return 0;
}
