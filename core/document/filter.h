#pragma once

// Filter: what the user chose to see, shared by every view.
//
// Hidden parties, shown statuses and stances, required tags, questions, a date range, a
// source reliability threshold and a text query (matched whatever the case and accents, see
// searchtext.h). Views read accepted(), the answer for every item made once per change, or
// ask accepts*() about one item. Setters emit changed() only when the value changes; a burst
// of changes from one user action should be made between beginUpdate() and endUpdate() so
// views recompute once.

#include "model/itembits.h"
#include "model/model.h"
#include "search/textsearch.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <set>

namespace claimline {

class Project;
struct StructureChange;

class Filter final : public QObject
{
    Q_OBJECT

public:
    explicit Filter(QObject *parent = nullptr);

    const std::set<std::uint32_t> &hiddenParties() const { return m_hiddenParties; }
    void setPartyHidden(std::uint32_t party, bool hidden);
    // Bit per Status value; all set by default.
    std::uint32_t statuses() const { return m_statuses; }
    void setStatusShown(Status status, bool shown);
    bool isStatusShown(Status status) const { return m_statuses & (1u << unsigned(status)); }
    // Word indices (Project::word) an item must carry, all of them; empty = any. A claim
    // passes with the tags of its event too.
    const std::set<std::uint32_t> &tags() const { return m_tags; }
    void setTags(std::set<std::uint32_t> tags);
    QString textQuery() const { return m_textQuery; }
    void setTextQuery(const QString &query);

    // Bit per Stance value (Stance::None = claims without a stance); all set by default.
    // Applies to claims only.
    std::uint32_t stances() const { return m_stances; }
    void setStanceShown(Stance stance, bool shown);
    bool isStanceShown(Stance stance) const { return m_stances & (1u << unsigned(stance)); }
    // Question indices a claim must be on (any one of them); empty = any. Events pass.
    const std::set<std::uint32_t> &questions() const { return m_questions; }
    void setQuestions(std::set<std::uint32_t> questions);
    // Items whose time (an event's `when`, a claim's `made_at`) overlaps [from, to), in UTC
    // seconds; an unset end is no limit. An open-ended time overlaps everything on its open
    // side.
    std::optional<std::int64_t> dateFrom() const { return m_dateFrom; }
    std::optional<std::int64_t> dateTo() const { return m_dateTo; }
    void setDateRange(std::optional<std::int64_t> from, std::optional<std::int64_t> to);
    // Admiralty source reliability 'A' (best) to 'F', or 0 for no threshold. An item passes
    // when at least one source it cites is rated at or better than the threshold; items
    // without a rated source fail while a threshold is set.
    char minimumReliability() const { return m_minimumReliability; }
    void setMinimumReliability(char reliability);
    // The analyst's own layer (model.h: Annotation): only starred items, only items with an
    // annotation, only items annotated by `author` (its exact spelling; empty = anyone).
    bool starredOnly() const { return m_starredOnly; }
    void setStarredOnly(bool only);
    bool annotatedOnly() const { return m_annotatedOnly; }
    void setAnnotatedOnly(bool only);
    const QString &annotationAuthor() const { return m_annotationAuthor; }
    void setAnnotationAuthor(const QString &author);

    bool isActive() const;
    void clear();
    // Follows parties and questions added or removed (Document::structureChanged). The new
    // value holds at once; changed() follows at the next event-loop turn.
    void remap(const StructureChange &change);
    // Forgets the parties, questions and tags `project` does not have (a project swapped in
    // whole: an import kept, undone or redone), announcing the change when there was any.
    void forgetMissing(const Project &project);
    // A short plain-text description of the active filter for the status bar, e.g.
    // "Filter: hiding Russia; statuses: disputed, refuted; since 28 Dec 2025; text “drone”";
    // empty when the filter is inactive. Short whatever the project: it names at most two
    // parties ("hiding India, Pakistan", "only Ukraine") and counts more ("3 of 11 parties"),
    // likewise tags; long names and queries are cut (filtersummary.cpp).
    QString summary(const Project &project) const;
    // Everything summary() says, in full: one criterion per line, every shown and hidden
    // party, tag and question named. For the summary's tooltip; empty when inactive.
    QString description(const Project &project) const;

    void beginUpdate();
    void endUpdate();

    bool acceptsEvent(const Project &project, std::uint32_t event) const;
    bool acceptsClaim(const Project &project, std::uint32_t claim) const;
    // The same answers for every event and claim of `project`, a bit each: what the views
    // show. Made once per change of the filter or of the project (its revision), on two cores
    // at scale (filteraccepted.cpp), so the views that follow a change test a bit per item
    // instead of each asking again. Valid until the next call or change.
    const ItemBits &accepted(const Project &project) const;

Q_SIGNALS:
    void changed();

private:
    void notify();
    void fillAccepted(const Project &project, ItemBits &bits) const;
    QStringList describe(const Project &project, bool full) const;
    // Whether every required tag is on the item (a claim: on it or on its event).
    bool hasRequiredTags(const Project &project, IndexRange tags, IndexRange moreTags = {}) const;
    template<typename Item>
    bool passesLayer(const Project &project, const Item &item) const;
    // The text query, answered by the project's SearchIndex (searchindex.h says which
    // fields count): one search per query and project revision, then a bit test per item.
    bool matchesText(const Project &project, ItemKind kind, std::uint32_t index) const;

    std::set<std::uint32_t> m_hiddenParties;
    std::set<std::uint32_t> m_tags;
    QString m_textQuery;
    QString m_needle; // the trimmed query, folded (searchtext.h)
    mutable TextSearch m_textSearch;
    std::uint32_t m_statuses = AllStatuses;
    int m_updateDepth = 0;
    bool m_pending = false;
    // Counts changes of the criteria: accepted() is stale when it differs.
    std::uint64_t m_generation = 1;
    struct Accepted
    {
        const Project *project = nullptr;
        std::uint64_t revision = 0;
        std::uint64_t generation = 0;
        ItemBits bits;
    };
    mutable Accepted m_accepted;

    // Stances, questions, date range and reliability (the filter panel's criteria).
    bool passesClaimCriteria(const Claim &claim) const;
    bool overlapsDateRange(const FuzzyTime &time) const;
    bool hasReliableSource(const Project &project, IndexRange citations) const;
    std::set<std::uint32_t> m_questions;
    std::optional<std::int64_t> m_dateFrom;
    std::optional<std::int64_t> m_dateTo;
    std::uint32_t m_stances = AllStances;
    char m_minimumReliability = 0;
    bool m_starredOnly = false;
    bool m_annotatedOnly = false;
    QString m_annotationAuthor;
    std::string m_annotationAuthorUtf8;

public:
    static constexpr std::uint32_t AllStatuses = (1u << StatusNames.size()) - 1;
    static constexpr std::uint32_t AllStances = (1u << StanceNames.size()) - 1;
};

} // namespace claimline
