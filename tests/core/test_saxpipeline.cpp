// SaxPipeline: the handler sees exactly what nlohmann's parser would have told it directly,
// in order, whatever the input's chunking and whichever tokenizer reads it (FastJsonScanner,
// handing over to nlohmann's parser on anything unusual), and stopping early never hangs.

#include "format/reader/saxchannel.h"
#include "format/reader/saxpipeline.h"
#include "testsupport.h"

#include <QFile>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace claimline;
using json = nlohmann::json;

namespace {

// Writes every event as a line of text; can stop after a given number of events.
class Trace final : public nlohmann::json_sax<json>
{
public:
    explicit Trace(std::size_t stopAfter = SIZE_MAX)
        : m_stopAfter(stopAfter)
    { }
    std::vector<std::string> lines;

    bool null() override { return add("null"); }
    bool boolean(bool v) override { return add(v ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return add("int " + std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add("uint " + std::to_string(v)); }
    bool number_float(number_float_t v, const string_t &text) override
    {
        return add("float " + json(v).dump() + " " + text);
    }
    bool string(string_t &v) override { return add("string " + v); }
    bool binary(binary_t &) override { return add("binary"); }
    bool start_object(std::size_t) override { return add("{"); }
    bool key(string_t &v) override { return add("key " + v); }
    bool end_object() override { return add("}"); }
    bool start_array(std::size_t) override { return add("["); }
    bool end_array() override { return add("]"); }
    bool parse_error(std::size_t position, const std::string &token,
                     const nlohmann::detail::exception &ex) override
    {
        add("error " + std::to_string(position) + " " + token + " " + ex.what());
        return false;
    }

private:
    bool add(std::string line)
    {
        lines.push_back(std::move(line));
        return lines.size() < m_stopAfter;
    }
    std::size_t m_stopAfter;
};

struct Result
{
    bool ok;
    std::vector<std::string> lines;
    bool handedOver = false;
};

Result direct(const std::string &input, std::size_t stopAfter = SIZE_MAX)
{
    Trace trace(stopAfter);
    const bool ok = json::sax_parse(input, &trace);
    return {ok, trace.lines};
}

// Through the pipeline, reading at most `chunk` bytes per read call.
Result piped(const std::string &input, std::size_t chunk = SIZE_MAX,
             std::size_t stopAfter = SIZE_MAX, JsonTokenizer tokenizer = JsonTokenizer::Fast)
{
    MemoryInput bytes(input, chunk);
    Trace trace(stopAfter);
    bool handedOver = false;
    SaxPipeline::Options options;
    options.tokenizer = tokenizer;
    options.handedOver = &handedOver;
    const bool ok = SaxPipeline::run(bytes.read(), bytes.rewind(), trace, options);
    return {ok, trace.lines, handedOver};
}

// Both tokenizers, in chunks of 1, 7 and any number of bytes, give nlohmann's events. Returns
// whether the fast one handed over to nlohmann's parser.
bool expectSame(const std::string &input)
{
    const Result expected = direct(input);
    bool handedOver = false;
    for (const JsonTokenizer tokenizer : {JsonTokenizer::Fast, JsonTokenizer::Nlohmann}) {
        for (const std::size_t chunk : {std::size_t(1), std::size_t(7), SIZE_MAX}) {
            const Result actual = piped(input, chunk, SIZE_MAX, tokenizer);
            EXPECT_EQ(actual.ok, expected.ok) << "chunk " << chunk << " in " << input;
            EXPECT_EQ(actual.lines, expected.lines) << "chunk " << chunk << " in " << input;
            if (tokenizer == JsonTokenizer::Fast && chunk == SIZE_MAX)
                handedOver = actual.handedOver;
        }
    }
    return handedOver;
}

} // namespace

TEST(SaxPipeline, ReplaysEveryKindOfValue)
{
    // Without handing over: what the fast tokenizer reads itself.
    EXPECT_FALSE(expectSame(R"({"a": [null, true, false, -12, 1844674407370955, 2.5, -0.125e3],
                  "b\"\\": "é ё 🙂 \u0001", "c": {"d": [[], {}]}})"));
    EXPECT_FALSE(expectSame(R"([0, -0, 1E5, 1e-5, -0.0, 3.10, 0.1e+2, 123456789012345678,
                              -123456789012345678, 4.9e-324, 1.7976931348623157e308])"));
    EXPECT_FALSE(expectSame(R"(["\"\\\/\b\f\n\r\t", "\u00e9\u0000\uD83D\uDE42x",
                              "\u20AC\ud83d\ude42", ")"
                            + std::string("\x7f\", \"\xf4\x8f\xbf\xbf\", \"\xe0\xa0\x80\"]")));
    EXPECT_FALSE(expectSame(" \t\r\n{ \"k\" : [ true , false , null ] } \n"));
    EXPECT_FALSE(expectSame("1234"));
    EXPECT_FALSE(expectSame("\"top\""));
}

TEST(SaxPipeline, WhatTheFastTokenizerDoesNotReadNlohmannReadsFromTheStart)
{
    // Valid JSON it leaves to nlohmann: a byte order mark, integers past 18 digits (those past
    // 64 bits become floats), floats that round to zero.
    for (const std::string input :
         {"\xEF\xBB\xBF{\"a\": 1}", "[1, 18446744073709551615]", "[-9223372036854775808]",
          "[1, 18446744073709551616, -9223372036854775809]", "[1e-400, 2]"}) {
        EXPECT_TRUE(expectSame(input)) << input;
        EXPECT_TRUE(direct(input).ok) << input;
    }
    // Errors after events the fast tokenizer already handed on: each event arrives once, and
    // the error is nlohmann's.
    for (const std::string input : {"{\"a\": [1, 2, 01]}",
                                    "[1, 2,]",
                                    "{\"a\": 1,}",
                                    "{\"a\" 1}",
                                    "[1 2]",
                                    "[-]",
                                    "[1.]",
                                    "[1.e5]",
                                    "[1e]",
                                    "[1e+]",
                                    "[+1]",
                                    "[.5]",
                                    "[1e400]",
                                    "[-1e400]",
                                    "[\"a\tb\"]",
                                    "[\"\\x\"]",
                                    "[\"\\u12G4\"]",
                                    "[\"\\uDE42\"]",
                                    "[\"\\uD83D\"]",
                                    "[\"\\uD83Dx\"]",
                                    "[\"\\uD83D\\u0041\"]",
                                    "[\"\xc0\xaf\"]",
                                    "[\"\xed\xa0\x80\"]",
                                    "[\"\xf4\x90\x80\x80\"]",
                                    "[\"\xe2\x82\"]",
                                    "[\"\x80\"]",
                                    "[\"\xf5\x80\x80\x80\"]",
                                    "[\"abc",
                                    "[tru]",
                                    "[truex]",
                                    "[nulL]",
                                    "{\"a\": 1} {}",
                                    "[1]]",
                                    "{\"a\": 1]",
                                    "[1}",
                                    "{1: 2}",
                                    "/* c */ [1]",
                                    "[1] // c",
                                    "{\"a\": [1, 2, 3"}) {
        EXPECT_TRUE(expectSame(input)) << input;
        EXPECT_FALSE(direct(input).ok) << input;
    }
}

TEST(SaxPipeline, AFileThatCannotBeReadAgainIsReadByNlohmannAlone)
{
    const std::string input = "[1, 2, 01]";
    MemoryInput bytes(input);
    Trace trace;
    bool handedOver = true;
    SaxPipeline::Options options;
    options.handedOver = &handedOver;
    const bool ok = SaxPipeline::run(bytes.read(), SaxPipeline::Rewind(), trace, options);
    EXPECT_FALSE(ok);
    EXPECT_FALSE(handedOver);
    EXPECT_EQ(trace.lines, direct(input).lines);
}

TEST(SaxPipeline, ReplaysTheSampleExactly)
{
    const std::string input = test::readString(test::samplePath());
    const Result expected = direct(input);
    ASSERT_TRUE(expected.ok);
    const Result fast = piped(input);
    EXPECT_FALSE(fast.handedOver);
    EXPECT_EQ(fast.lines, expected.lines);
    EXPECT_EQ(piped(input, 4096).lines, expected.lines);
    EXPECT_EQ(piped(input, 4096, SIZE_MAX, JsonTokenizer::Nlohmann).lines, expected.lines);
}

TEST(SaxPipeline, StringsLargerThanABlockArriveWhole)
{
    const std::string big(3 * 1024 * 1024 + 17, 'x');
    const std::string input = R"({"k": [")" + big + R"(", ")" + big + R"(y"]})";
    for (const JsonTokenizer tokenizer : {JsonTokenizer::Fast, JsonTokenizer::Nlohmann}) {
        const Result result = piped(input, SIZE_MAX, SIZE_MAX, tokenizer);
        ASSERT_TRUE(result.ok);
        EXPECT_FALSE(result.handedOver);
        ASSERT_EQ(result.lines.size(), 7u);
        EXPECT_EQ(result.lines[3], "string " + big);
        EXPECT_EQ(result.lines[4], "string " + big + "y");
    }
}

TEST(SaxPipeline, KeysAndValuesInEverySpacing)
{
    // The scanner reads the writer's ": " and the value after a key in one step; any other
    // spacing gives the same events, read by the fast tokenizer itself, and bad spacing is
    // left to nlohmann.
    for (const std::string input :
         {R"({"a":1,"b":"x","c":[true],"d":{"e":null}})", R"({"a" :1, "b" : "x"})",
          "{\"a\":  1, \"b\":\t\"x\"}", "{\"a\":\n  [1],\n \"b\":\r\n{}}",
          R"({"a": "", "b": -2.5e1})"}) {
        SCOPED_TRACE(input);
        EXPECT_FALSE(expectSame(input));
    }
    for (const std::string input : {R"({"a":)", R"({"a": })", R"({"a" 1})", R"({"a":: 1})"}) {
        SCOPED_TRACE(input);
        EXPECT_TRUE(expectSame(input));
    }
    // A read ends inside ": " or the value after it: the scanner fills its buffer to half
    // (32 KiB) before it scans, so keys are laid across that point at every offset.
    for (std::size_t shift = 0; shift < 12; ++shift) {
        std::string input = "{\"pad\": \"" + std::string(32700 + shift, 'p') + "\"";
        for (int i = 0; i < 40; ++i)
            input += ", \"k" + std::to_string(i) + "\": " + (i % 2 ? "\"v\"" : "12");
        input += "}";
        SCOPED_TRACE(shift);
        EXPECT_FALSE(expectSame(input));
    }
}

TEST(SaxPipeline, ShortStringsWithASpecialByteAnywhere)
{
    // Keys and values of up to 15 plain bytes are read with one look at 16 bytes; an escape,
    // a multi-byte character or a longer text anywhere in them must send them the long way
    // with the same result.
    std::string input = "{";
    for (std::size_t n = 0; n <= 34; ++n) {
        std::vector<std::string> variants {std::string(n, 'a')};
        for (std::size_t i = 0; i < n; ++i) {
            for (const std::string special : {"\\n", "\xc3\xa9", "\\u0041", "\\\""}) {
                std::string text(n, 'a');
                text.replace(i, 1, special);
                variants.push_back(text);
            }
        }
        for (const std::string &text : variants)
            input += "\"" + text + "\": \"" + text + "\", ";
    }
    input += "\"end\": 1}";
    EXPECT_FALSE(expectSame(input));
}

TEST(SaxPipeline, EventsAroundTheEndOfABlockArriveWhole)
{
    // Strings one byte apart in length, each about a block (1 MiB): the events that follow
    // them end before, at and after the point where a block is handed over, and some need
    // the block to grow. Each arrives whole and in order.
    std::string input = "[";
    for (std::size_t size = (std::size_t(1) << 20) - 24; size < (std::size_t(1) << 20) + 8; ++size)
        input += "\"" + std::string(size, char('a' + size % 26)) + "\", 1, ";
    input += "0]";
    const Result expected = direct(input);
    ASSERT_TRUE(expected.ok);
    const Result actual = piped(input, 65536);
    ASSERT_TRUE(actual.ok);
    EXPECT_FALSE(actual.handedOver);
    EXPECT_EQ(actual.lines, expected.lines);
}

TEST(SaxPipeline, ManyBlocksKeepTheirOrder)
{
    std::string input = "[";
    for (int i = 0; i < 300000; ++i)
        input += std::to_string(i) + ",";
    input += "0]";
    expectSame(input.substr(0, 20000)); // byte-at-a-time on a part of it
    const Result result = piped(input);
    ASSERT_TRUE(result.ok);
    ASSERT_EQ(result.lines.size(), 300003u);
    EXPECT_EQ(result.lines[1], "uint 0");
    EXPECT_EQ(result.lines[300000], "uint 299999");
}

TEST(SaxPipeline, ParseErrorsArriveWithTheParsersMessage)
{
    for (const std::string input : {"{\"a\": [1, 2", "", "[1] x", "{\"a\": \"\xff\"}", "nul"}) {
        const Result expected = direct(input);
        ASSERT_FALSE(expected.ok);
        for (const JsonTokenizer tokenizer : {JsonTokenizer::Fast, JsonTokenizer::Nlohmann}) {
            const Result actual = piped(input, 3, SIZE_MAX, tokenizer);
            EXPECT_FALSE(actual.ok);
            EXPECT_EQ(actual.lines, expected.lines) << input;
            EXPECT_TRUE(actual.lines.back().starts_with("error ")) << input;
        }
    }
}

TEST(SaxPipeline, HandlerStoppingEndsTheParseWithoutHanging)
{
    std::string input = "[";
    for (int i = 0; i < 2000000; ++i)
        input += "1,";
    input += "1]";
    for (const std::size_t stopAfter : {std::size_t(1), std::size_t(5), std::size_t(1500000)}) {
        for (const JsonTokenizer tokenizer : {JsonTokenizer::Fast, JsonTokenizer::Nlohmann}) {
            const Result result = piped(input, SIZE_MAX, stopAfter, tokenizer);
            EXPECT_FALSE(result.ok);
            EXPECT_EQ(result.lines.size(), stopAfter);
        }
    }
}

TEST(SaxPipeline, AReadErrorEndsTheInput)
{
    const std::string input = R"({"a": [1, 2, 3]})";
    std::size_t calls = 0;
    Trace trace;
    const bool ok = SaxPipeline::run(
        [&](char *buffer, std::int64_t) -> std::int64_t {
            if (calls++ > 0)
                return -1;
            std::copy_n(input.data(), 8, buffer);
            return 8;
        },
        [&calls] {
            calls = 0;
            return true;
        },
        trace);
    EXPECT_FALSE(ok);
    ASSERT_FALSE(trace.lines.empty());
    EXPECT_NE(trace.lines.back().find("unexpected end of input"), std::string::npos)
        << trace.lines.back();
}

TEST(SaxPipeline, AFileRewrittenBeforeTheSecondReadIsNotSpliced)
{
    // The fast tokenizer hands "[", "1", "2" on and gives up at "01"; the input then changes
    // before nlohmann's parser reads it again. Its events must not follow the first ones.
    // Bytes added past what the first read saw are read on: nothing is spliced there.
    const std::string before = "[1, 2, 01]";
    for (const auto &[rewritten, changes] :
         {std::pair<std::string, bool> {"[[{\"a\": [1, 2, 3]}]]", true},
          {"[1, 3, 01]", true},
          {"[1, 2", true},
          {before + " [", false}}) {
        const std::string &input = rewritten; // a structured binding cannot be captured
        const std::string *source = &before;
        std::size_t offset = 0;
        Trace trace;
        bool changed = false;
        SaxPipeline::Options options;
        options.inputChanged = &changed;
        const bool ok = SaxPipeline::run(
            [&](char *buffer, std::int64_t capacity) {
                const std::size_t n = std::min(source->size() - offset, std::size_t(capacity));
                std::copy_n(source->data() + offset, n, buffer);
                offset += n;
                return std::int64_t(n);
            },
            [&] {
                source = &input;
                offset = 0;
                return true;
            },
            trace, options);
        EXPECT_FALSE(ok);
        EXPECT_EQ(changed, changes) << input;
        ASSERT_GE(trace.lines.size(), 4u);
        EXPECT_EQ(std::vector<std::string>(trace.lines.begin(), trace.lines.begin() + 3),
                  (std::vector<std::string> {"[", "uint 1", "uint 2"}));
        if (changes)
            EXPECT_EQ(trace.lines.size(), 4u) << input; // the three, then the end
        else
            EXPECT_EQ(trace.lines, direct(input).lines);
        EXPECT_TRUE(trace.lines.back().starts_with("error ")) << trace.lines.back();
    }
}

TEST(SaxChannel, SideWorkRunsWithEveryBlockWhenTheHandlerKeepsUp)
{
    // The page warmer is the side work: if it only ran while the queue was full, a handler
    // that keeps up would leave all the zeroing of fresh pages to its own thread.
    int steps = 0;
    SaxChannel channel([&steps] {
        ++steps;
        return true;
    });
    std::string block = "events";
    std::string taken;
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(channel.push(block));
        ASSERT_TRUE(channel.pop(taken)); // the queue never fills
    }
    EXPECT_EQ(steps, 10);

    // Once the handler stops the load, no more of it.
    channel.stop();
    EXPECT_FALSE(channel.push(block));
    EXPECT_EQ(steps, 10);
}

TEST(SaxChannel, TheHandlersThreadTakesSideWorkWhileItWaitsForABlock)
{
    // When the parser is behind (zeroing fresh pages for the model can be most of its time
    // on a cold machine), the handler's thread does that work rather than wait idle.
    const std::thread::id handler = std::this_thread::get_id();
    std::atomic<int> byHandler = 0;
    std::atomic<bool> handlerWorked = false;
    SaxChannel channel([&] {
        if (std::this_thread::get_id() != handler)
            return false;
        const bool more = ++byHandler < 3;
        if (!more)
            handlerWorked = true;
        return more;
    });
    // The block arrives only once the handler has run out of side work.
    std::thread parser([&] {
        while (!handlerWorked)
            std::this_thread::yield();
        std::string block = "events";
        EXPECT_TRUE(channel.push(block));
        channel.finish();
    });
    std::string taken;
    EXPECT_TRUE(channel.pop(taken));
    EXPECT_EQ(taken, "events");
    EXPECT_FALSE(channel.pop(taken));
    parser.join();
    EXPECT_GE(byHandler.load(), 3);
}
