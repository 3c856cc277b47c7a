#include "document/sameitem.h"

#include <algorithm>

namespace claimline {

namespace {

bool sameNumber(double a, double b)
{
    return a == b || (a != a && b != b);
}

// Origins by content: an import that updates an event appends a new entry (the pools are
// append-only), which may say what the old one said.
bool sameOrigin(const Project &p, const Event &a, const Event &b)
{
    if (a.origin == b.origin)
        return true;
    const Origin *x = p.originOf(a);
    const Origin *y = p.originOf(b);
    if (!x || !y)
        return x == y;
    // Keys and values are interned words: equal spellings have equal indices.
    return x->format == y->format && sameText(p, x->id, y->id)
        && sameText(p, x->updated, y->updated)
        && (x->attributes == y->attributes
            || std::ranges::equal(p.attributes(x->attributes), p.attributes(y->attributes)));
}

// Attachments by content: attaching appends new entries, which may list what the old ones did.
bool sameAttachments(const Project &p, IndexRange x, IndexRange y)
{
    return x == y
        || std::ranges::equal(
               p.attachments(x), p.attachments(y), [&p](const Attachment &a, const Attachment &b) {
                   return sameText(p, a.path, b.path) && sameText(p, a.name, b.name)
                       && sameText(p, a.mediaType, b.mediaType) && a.sha256 == b.sha256
                       && a.size == b.size && a.added == b.added;
               });
}

// The analyst's layer (tags, star, annotations) by content.
template<typename Item>
bool sameLayer(const Project &p, const Item &a, const Item &b)
{
    const auto sameAnnotation = [&p](const Annotation &x, const Annotation &y) {
        return sameText(p, x.author, y.author) && sameText(p, x.text, y.text) && x.at == y.at;
    };
    return a.starred == b.starred
        && (a.tags == b.tags || std::ranges::equal(p.indices(a.tags), p.indices(b.tags)))
        && (a.annotations == b.annotations
            || std::ranges::equal(p.annotations(a.annotations), p.annotations(b.annotations),
                                  sameAnnotation));
}

} // namespace

bool sameText(const Project &p, TextRef a, TextRef b)
{
    return a == b || p.view(a) == p.view(b);
}

bool sameItem(const Project &p, const Event &a, const Event &b)
{
    const auto sameList = [&p](IndexRange x, IndexRange y) {
        return x == y || std::ranges::equal(p.indices(x), p.indices(y));
    };
    return sameText(p, a.id, b.id) && sameText(p, a.title, b.title)
        && sameText(p, a.summary, b.summary) && sameText(p, a.locationName, b.locationName)
        && sameText(p, a.notes, b.notes) && a.when == b.when && sameNumber(a.latitude, b.latitude)
        && sameNumber(a.longitude, b.longitude) && sameList(a.parties, b.parties)
        && sameList(a.tags, b.tags) && a.sources == b.sources && a.history == b.history
        && a.kind == b.kind && a.extra == b.extra && a.status == b.status
        && a.locationPrecision == b.locationPrecision && sameOrigin(p, a, b) && sameLayer(p, a, b);
}

bool sameItem(const Project &p, const Claim &a, const Claim &b)
{
    return sameText(p, a.id, b.id) && sameText(p, a.statement, b.statement)
        && sameText(p, a.quote, b.quote) && sameText(p, a.quoteLanguage, b.quoteLanguage)
        && sameText(p, a.quoteTranslation, b.quoteTranslation) && sameText(p, a.notes, b.notes)
        && a.madeAt == b.madeAt && a.claimant == b.claimant && a.via == b.via && a.about == b.about
        && a.question == b.question && a.quoteSpeaker == b.quoteSpeaker && a.sources == b.sources
        && a.history == b.history && a.extra == b.extra && a.stance == b.stance
        && a.status == b.status && a.credibility == b.credibility && sameLayer(p, a, b);
}

bool sameItem(const Project &p, const Party &a, const Party &b)
{
    return sameText(p, a.id, b.id) && sameText(p, a.name, b.name)
        && sameText(p, a.shortName, b.shortName) && a.color == b.color && a.hasColor == b.hasColor
        && a.kind == b.kind && a.extra == b.extra && sameLayer(p, a, b);
}

bool sameItem(const Project &p, const Actor &a, const Actor &b)
{
    return sameText(p, a.id, b.id) && sameText(p, a.name, b.name) && sameText(p, a.role, b.role)
        && a.party == b.party && a.anonymous == b.anonymous && a.collective == b.collective
        && a.extra == b.extra && sameLayer(p, a, b);
}

bool sameItem(const Project &p, const Source &a, const Source &b)
{
    return sameText(p, a.id, b.id) && sameText(p, a.title, b.title)
        && sameText(p, a.outlet, b.outlet) && sameText(p, a.url, b.url)
        && sameText(p, a.archiveUrl, b.archiveUrl) && sameText(p, a.language, b.language)
        && sameText(p, a.notes, b.notes) && a.published == b.published && a.accessed == b.accessed
        && a.reliability == b.reliability && a.extra == b.extra
        && sameAttachments(p, a.attachments, b.attachments) && sameLayer(p, a, b);
}

bool sameItem(const Project &p, const Question &a, const Question &b)
{
    return sameText(p, a.id, b.id) && sameText(p, a.text, b.text) && a.extra == b.extra
        && sameLayer(p, a, b);
}

bool sameMeta(const Project &p, const ProjectMeta &a, const ProjectMeta &b)
{
    return sameText(p, a.title, b.title) && sameText(p, a.description, b.description)
        && sameText(p, a.publicDescription, b.publicDescription)
        && sameText(p, a.displayTimeZone, b.displayTimeZone)
        && std::ranges::equal(a.authors, b.authors,
                              [&p](TextRef x, TextRef y) { return sameText(p, x, y); });
}

} // namespace claimline
