#include "format/reader/saxpipeline.h"

#include "format/reader/fastjsonscanner.h"
#include "format/reader/inputfingerprint.h"
#include "format/reader/saxchannel.h"

#include <algorithm>
#include <clocale>
#include <memory>
#include <string>
#include <thread>

namespace claimline {

namespace {

using json = nlohmann::json;

// nlohmann's parser reads through this adapter: one comparison per character on the fast
// path, as with a pointer range, and a refill from the Read function at the end of each
// buffer. (An iterator range would do the same work with more indirection per character, and
// mapping the file would turn a file truncated while we read into a SIGBUS.)
class ReadAdapter
{
public:
    using char_type = char;
    static constexpr std::int64_t BufferSize = std::int64_t(1) << 20;

    explicit ReadAdapter(const SaxPipeline::Read &read)
        : m_read(&read)
        , m_buffer(new char[BufferSize])
    { }

    std::char_traits<char>::int_type get_character()
    {
        if (m_pos != m_end) [[likely]]
            return std::char_traits<char>::to_int_type(*m_pos++);
        return refill();
    }

private:
    std::char_traits<char>::int_type refill()
    {
        if (m_finished)
            return std::char_traits<char>::eof();
        const std::int64_t n = (*m_read)(m_buffer.get(), BufferSize);
        if (n <= 0) {
            m_finished = true;
            return std::char_traits<char>::eof();
        }
        m_pos = m_buffer.get();
        m_end = m_pos + n;
        return std::char_traits<char>::to_int_type(*m_pos++);
    }

    const SaxPipeline::Read *m_read;
    std::unique_ptr<char[]> m_buffer;
    const char *m_pos = nullptr;
    const char *m_end = nullptr;
    bool m_finished = false;
};

// nlohmann's SAX events into the recorder.
class NlohmannRecorder final : public nlohmann::json_sax<json>
{
public:
    explicit NlohmannRecorder(SaxRecorder &recorder)
        : m_recorder(recorder)
        , m_decimalPoint(*std::localeconv()->decimal_point)
    { }

    bool null() override { return m_recorder.null(); }
    bool boolean(bool value) override { return m_recorder.boolean(value); }
    bool number_integer(number_integer_t value) override { return m_recorder.integer(value); }
    bool number_unsigned(number_unsigned_t value) override
    {
        return m_recorder.unsignedInteger(value);
    }
    bool number_float(number_float_t value, const string_t &text) override
    {
        // nlohmann spells the decimal point the C locale's way (a comma under some locales
        // the application runs in); the file had a point.
        if (m_decimalPoint == '.' || text.find(m_decimalPoint) == std::string::npos)
            return m_recorder.floating(value, text);
        std::string spelled = text;
        spelled[spelled.find(m_decimalPoint)] = '.';
        return m_recorder.floating(value, spelled);
    }
    bool string(string_t &value) override { return m_recorder.string(value); }
    bool binary(binary_t &) override { return m_recorder.null(); } // JSON text has none
    bool start_object(std::size_t) override { return m_recorder.startObject(); }
    bool key(string_t &value) override { return m_recorder.key(value); }
    bool end_object() override { return m_recorder.endObject(); }
    bool start_array(std::size_t) override { return m_recorder.startArray(); }
    bool end_array() override { return m_recorder.endArray(); }
    bool parse_error(std::size_t position, const std::string &lastToken,
                     const nlohmann::detail::exception &ex) override
    {
        return m_recorder.parseError(position, lastToken, ex.id, ex.what());
    }

private:
    SaxRecorder &m_recorder;
    char m_decimalPoint;
};

bool parseWithNlohmann(const SaxPipeline::Read &read, SaxRecorder &recorder)
{
    NlohmannRecorder adapter(recorder);
    nlohmann::detail::parser<json, ReadAdapter> parser(ReadAdapter(read), nullptr,
                                                       /*allow_exceptions=*/true,
                                                       /*ignore_comments=*/false);
    return parser.sax_parse(&adapter, /*strict=*/true);
}

// The parser thread's work: the fast scanner, then nlohmann's parser from the start if the
// scanner gave up.
bool tokenize(const SaxPipeline::Read &read, const SaxPipeline::Rewind &rewind,
              SaxRecorder &recorder, JsonTokenizer tokenizer, bool &handedOver, bool &changed)
{
    if (tokenizer == JsonTokenizer::Fast && rewind) {
        InputFingerprint fingerprint;
        const SaxPipeline::Read first = [&](char *buffer, std::int64_t capacity) {
            return fingerprint.first(read, buffer, capacity);
        };
        FastJsonScanner scanner(first, recorder);
        switch (scanner.run()) {
        case FastJsonScanner::Outcome::Finished:
            return true;
        case FastJsonScanner::Outcome::Stopped:
            return false;
        case FastJsonScanner::Outcome::Unusual:
            break;
        }
        handedOver = true;
        if (!rewind())
            return false;
        recorder.restart();
        const bool parsed = parseWithNlohmann(
            [&](char *buffer, std::int64_t capacity) {
                return fingerprint.again(read, buffer, capacity);
            },
            recorder);
        changed = fingerprint.changed();
        return parsed && !changed;
    }
    return parseWithNlohmann(read, recorder);
}

} // namespace

bool SaxPipeline::run(const Read &read, const Rewind &rewind, NlohmannHandler &handler,
                      const Options &options)
{
    NlohmannSaxAdapter adapter(handler);
    return run(read, rewind, adapter, options);
}

bool SaxPipeline::run(const Read &read, const Rewind &rewind, SaxHandler &handler,
                      const Options &options)
{
    SaxChannel channel(options.sideWork);
    bool parsed = false;
    bool nlohmannAgain = false;
    bool changed = false;
    std::thread parser([&] {
        SaxRecorder recorder(channel);
        try {
            parsed = tokenize(read, rewind, recorder, options.tokenizer, nlohmannAgain, changed);
        } catch (const std::exception &) {
            // Only allocation can throw here (SAX parsing reports errors to the handler);
            // the handler then sees an input that ends early.
            parsed = false;
        }
        recorder.flush();
    });

    std::string block;
    bool ok = true;
    try {
        while (channel.pop(block)) {
            if (!handler.replay(block)) {
                ok = false;
                break;
            }
            if (options.afterBlock)
                options.afterBlock();
        }
    } catch (...) {
        // The parser thread must be joined before anything unwinds past it.
        channel.stop();
        parser.join();
        throw;
    }
    channel.stop();
    parser.join();
    if (options.handedOver)
        *options.handedOver = nlohmannAgain;
    if (options.inputChanged)
        *options.inputChanged = changed;
    return ok && parsed;
}

SaxPipeline::Read MemoryInput::read()
{
    return [this](char *buffer, std::int64_t capacity) {
        const std::size_t n = std::min({m_bytes.size() - m_offset, std::size_t(capacity), m_chunk});
        std::copy_n(m_bytes.data() + m_offset, n, buffer);
        m_offset += n;
        return std::int64_t(n);
    };
}

SaxPipeline::Rewind MemoryInput::rewind()
{
    return [this] {
        m_offset = 0;
        return true;
    };
}

} // namespace claimline
