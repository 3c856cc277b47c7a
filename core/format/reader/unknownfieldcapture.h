#pragma once

// UnknownFieldCapture: builds, from SAX events, the JSON values the model keeps as JSON (the
// fields this version does not know, the saved views) so the writer can write them back
// exactly, and stores an unknown field with the item it belongs to. Internal to
// claimline_core (the project reader's parts).

#include "format/reader/framestack.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

class Project;
struct SaxScalar;

class UnknownFieldCapture
{
public:
    using json = nlohmann::json;

    // `frames` tells where a captured value sits: which item it belongs to, and the path
    // from that item.
    UnknownFieldCapture(Project &project, const FrameStack &frames);

    // Whether a value is being captured; then every SAX event goes here.
    bool isActive() const { return !m_stack.empty(); }
    // How many containers of the captured value are open.
    std::size_t depth() const { return m_stack.size(); }

    // Starts capturing a container: the value of an unknown field, or the saved views.
    void begin(bool isArray, bool isViews);
    // Inside a captured value.
    void open(bool isArray);
    void setKey(std::string_view key) { m_key = key; }
    void add(const SaxScalar &value);
    // Closes a container; true when that completed the captured value (which is then stored).
    bool close();

    // Stores an unknown field's value in the nearest item's unknown-field store, at the path
    // from that item (e.g. {"quote": {"x": 1}} for /claims/3/quote/x), so the writer can put it
    // back where it was.
    void storeUnknown(json value);

    // The pointer from the frames' value down to the value being read inside the captured
    // JSON (an unknown field or the saved views), through `levels` of its open containers.
    std::string pointerInside(std::size_t levels) const;

private:
    json &extraOf(const FrameStack::Frame &entityFrame);

    Project &m_project;
    const FrameStack &m_frames;
    json m_root;
    std::vector<json *> m_stack;
    std::vector<std::string> m_keys; // m_keys[i]: key of m_stack[i + 1]
    std::string m_key;
    bool m_isViews = false;
};

} // namespace claimline
