#pragma once

// ProjectSaxHandler: the SAX handler that builds a Project as nlohmann's parser walks a
// .claimline file. It follows the file's structure (the frames of known containers, values
// of the wrong type skipped whole), enforces the load limits, and hands each event to the
// part that handles it: known fields to the FieldAssigner (an event's origin and attributes
// to the OriginReader), containers to the ItemBuilder, unknown fields and saved views to the
// UnknownFieldCapture, ids to the ReferenceResolver.
// Internal to claimline_core: readProject() and loadProject() are its users.

#include "format/projectreader.h"
#include "format/reader/fieldassigner.h"
#include "format/reader/framestack.h"
#include "format/reader/itembuilder.h"
#include "format/reader/originreader.h"
#include "format/reader/problemlist.h"
#include "format/reader/referenceresolver.h"
#include "format/reader/saxhandler.h"
#include "format/reader/unknownfieldcapture.h"
#include "model/project.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace claimline {

class PageWarmer;
struct SaxScalar;

class ProjectSaxHandler final : public SaxHandler
{
public:
    ProjectSaxHandler(const LoadLimits &limits, std::uint64_t inputSize);
    // Its parts hold references to each other.
    ProjectSaxHandler(const ProjectSaxHandler &) = delete;
    ProjectSaxHandler &operator=(const ProjectSaxHandler &) = delete;

    Project &project() { return m_project; }
    ProblemList &problems() { return m_problems; }
    int version() const { return m_assigner.version(); }
    bool sawVersion() const { return m_assigner.sawVersion(); }
    bool sawFormat() const { return m_sawFormat; }
    // Set when "format" names another format.
    const std::optional<Problem> &foreignFormat() const { return m_assigner.foreignFormat(); }
    bool aborted() const { return m_problems.isAborted(); }

    // After the parse: resolve forward references and check what needs the whole file.
    void finish();
    // Reports the problems found in what was read but still held back (references waiting in
    // a batch): before problems() is looked at when the parse stopped part-way.
    void settle() { m_references.settle(); }
    // Tells the warmer where the model's big arrays are written next (between blocks).
    void followWrites(PageWarmer &warmer) const;

    // --- SaxHandler --------------------------------------------------------------------------
    bool null() override;
    bool boolean(bool value) override;
    bool integer(std::int64_t value) override;
    bool unsignedInteger(std::uint64_t value) override;
    bool floating(double value, std::string_view text) override;
    bool string(std::string_view value) override;
    bool startObject() override { return startContainer(false); }
    bool startArray() override { return startContainer(true); }
    bool endObject() override { return endContainer(); }
    bool endArray() override { return endContainer(); }
    bool key(std::string_view key) override;
    bool parseError(std::uint64_t, const std::string &,
                    const nlohmann::detail::exception &ex) override;
    bool replay(const std::string &block) override;

private:
    using Frame = FrameStack::Frame;

    bool startContainer(bool isArray);
    bool endContainer();
    bool scalar(const SaxScalar &value);
    // What key(), string(), scalar() and startContainer() do with what is unusual, out of their
    // way: with no text to build and no JSON value to make, what they do for every key and value is
    // short (a tenth fewer instructions on the model's thread). `inContainer`: the problem is
    // reported at the object or array being read (a key of a known container), not at the
    // value being read.
    [[gnu::cold, gnu::noinline]] bool tooLong(const char *what, std::size_t size, bool inContainer);
    [[gnu::cold, gnu::noinline]] void repeatedField();
    [[gnu::cold, gnu::noinline]] bool notAProject(const SaxScalar &value);
    [[gnu::noinline]] void storeUnknown(const SaxScalar &value);
    [[gnu::cold, gnu::noinline]] void viewsNotAnArray();
    // A scalar where the field holds a container: reported, and the item kept in its place.
    [[gnu::cold, gnu::noinline]] bool
    notAContainer(Frame &frame, const ProjectSchema::Expect &expect, const SaxScalar &value);
    [[gnu::cold, gnu::noinline]] bool tooDeep();
    // The file's top-level value.
    [[gnu::cold, gnu::noinline]] bool openRoot(bool isArray);
    // A container where there must be something else: reported, and skipped whole.
    [[gnu::cold, gnu::noinline]] bool skipWrongContainer(const std::string &problem);
    [[gnu::cold, gnu::noinline]] bool
    wrongContainer(Frame &parent, const std::optional<ProjectSchema::Expect> &expect, bool isArray);

    // The JSON Pointer of the value being read.
    std::string currentPointer() const;
    // The object or array being read (for a problem with a key, which has no pointer).
    std::string containerPointer() const;

    const LoadLimits m_limits;
    // Declared before the parts that hold references to them.
    ProblemList m_problems;
    Project m_project;
    FrameStack m_frames;
    ReferenceResolver m_references;
    UnknownFieldCapture m_capture;
    OriginReader m_origins;
    ItemBuilder m_items;
    FieldAssigner m_assigner;
    std::uint32_t m_skipDepth = 0; // inside a container of the wrong type
    bool m_sawFormat = false;
};

} // namespace claimline
