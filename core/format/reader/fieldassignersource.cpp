#include "format/reader/fieldassigner.h"

#include "evidence/evidencepath.h"
#include "format/reader/problemlist.h"
#include "format/reader/saxscalar.h"
#include "model/project.h"

// The fields of a source and of the files pinned to it (fieldassigner.cpp has the rest).

namespace claimline {

void FieldAssigner::assignSource(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    const int f = frame.field;
    ::claimline::Source &source = p.sources()[frame.entity];
    switch (static_cast<keys::Source>(f)) {
    case keys::Source::Id:
        storeId(frame, value, ItemKind::Source, source.id);
        break;
    case keys::Source::Title:
        source.title = store(frame, value);
        break;
    case keys::Source::Outlet:
        source.outlet = store(frame, value);
        break;
    case keys::Source::Url:
        source.url = store(frame, value);
        break;
    case keys::Source::ArchiveUrl:
        source.archiveUrl = store(frame, value);
        break;
    case keys::Source::Published:
        source.published = time(frame, value);
        break;
    case keys::Source::Accessed:
        source.accessed = time(frame, value);
        break;
    case keys::Source::Language:
        source.language = store(frame, value);
        break;
    case keys::Source::Reliability:
        if (const auto s = text(frame, value)) {
            if (s->size() == 1 && (*s)[0] >= 'A' && (*s)[0] <= 'F')
                source.reliability = (*s)[0];
            else
                m_problems.add(currentPointer(),
                               "reliability " + quoted(*s)
                                   + " is not an Admiralty grade (\"A\" to \"F\")");
        }
        break;
    case keys::Source::Notes:
        source.notes = store(frame, value);
        break;
    default:
        break; // lists (ProjectSchema::expectedContainer): their elements are assigned
    }
}

void FieldAssigner::assignAttachment(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    Attachment &attachment = p.attachmentPool().back();
    switch (static_cast<keys::Attachment>(frame.field)) {
    case keys::Attachment::Path:
        if (const auto s = text(frame, value)) {
            if (const std::string problem = evidencePathProblem(*s); !problem.empty())
                m_problems.add(currentPointer(), problem);
            else
                attachment.path = p.addText(*s);
        }
        break;
    case keys::Attachment::Sha256:
        if (const auto s = text(frame, value)) {
            if (const auto hash = parseSha256Hex(*s))
                attachment.sha256 = *hash;
            else
                m_problems.add(currentPointer(),
                               "must be a SHA-256 of 64 hexadecimal digits, not " + quoted(*s));
        }
        break;
    case keys::Attachment::Size: {
        const bool whole = value.type == nlohmann::json::value_t::number_unsigned
            || (value.type == nlohmann::json::value_t::number_integer && value.integer >= 0);
        if (whole)
            attachment.size = value.type == nlohmann::json::value_t::number_unsigned
                ? value.unsignedInteger
                : std::uint64_t(value.integer);
        else
            m_problems.add(currentPointer(),
                           "must be a whole number of bytes, not " + std::string(value.typeName()));
        break;
    }
    case keys::Attachment::Name:
        attachment.name = store(frame, value);
        break;
    case keys::Attachment::MediaType:
        attachment.mediaType = store(frame, value);
        break;
    case keys::Attachment::Added:
        attachment.added = time(frame, value);
        break;
    }
}

} // namespace claimline
