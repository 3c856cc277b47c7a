#pragma once

// SaxHandler: what the project reader's SAX pipeline replays its recorded events into. The
// same events as nlohmann's json_sax, with text handed over as views into the recorded block
// instead of std::string objects: the project's handler copies each text once, into the
// arena, where nlohmann's interface would have it copied into a string first (a tenth of the
// model's thread at a million events). Internal to claimline_core (the project reader's
// parts).

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace claimline {

class SaxHandler
{
public:
    virtual ~SaxHandler() = default;

    // Each returns false to stop the parse. A view is valid until the call returns.
    virtual bool null() = 0;
    virtual bool boolean(bool value) = 0;
    virtual bool integer(std::int64_t value) = 0;
    virtual bool unsignedInteger(std::uint64_t value) = 0;
    // The float's text as the file spells it ("3.10").
    virtual bool floating(double value, std::string_view text) = 0;
    virtual bool string(std::string_view value) = 0;
    virtual bool key(std::string_view key) = 0;
    virtual bool startObject() = 0;
    virtual bool endObject() = 0;
    virtual bool startArray() = 0;
    virtual bool endArray() = 0;
    // nlohmann's error, as its parser reported it.
    virtual bool parseError(std::uint64_t position, const std::string &lastToken,
                            const nlohmann::detail::exception &error)
        = 0;

    // Replays a block of events recorded by SaxRecorder (saxchannel.h) into this handler.
    // A final handler overrides it with SaxReplayer<Itself>, so that each event is a direct
    // call rather than a virtual one; the default makes the virtual calls.
    virtual bool replay(const std::string &block);
};

// Hands the events to one of nlohmann's SAX handlers (the tests' traces), text copied into
// the strings its interface takes.
class NlohmannSaxAdapter final : public SaxHandler
{
public:
    using Handler = nlohmann::json_sax<nlohmann::json>;

    explicit NlohmannSaxAdapter(Handler &handler)
        : m_handler(handler)
    { }

    bool null() override { return m_handler.null(); }
    bool boolean(bool value) override { return m_handler.boolean(value); }
    bool integer(std::int64_t value) override { return m_handler.number_integer(value); }
    bool unsignedInteger(std::uint64_t value) override { return m_handler.number_unsigned(value); }
    bool floating(double value, std::string_view text) override
    {
        m_scratch.assign(text);
        return m_handler.number_float(value, m_scratch);
    }
    bool string(std::string_view value) override
    {
        m_scratch.assign(value);
        return m_handler.string(m_scratch);
    }
    bool key(std::string_view key) override
    {
        m_scratch.assign(key);
        return m_handler.key(m_scratch);
    }
    bool startObject() override { return m_handler.start_object(std::size_t(-1)); }
    bool endObject() override { return m_handler.end_object(); }
    bool startArray() override { return m_handler.start_array(std::size_t(-1)); }
    bool endArray() override { return m_handler.end_array(); }
    bool parseError(std::uint64_t position, const std::string &lastToken,
                    const nlohmann::detail::exception &error) override
    {
        return m_handler.parse_error(std::size_t(position), lastToken, error);
    }

private:
    Handler &m_handler;
    std::string m_scratch;
};

} // namespace claimline
