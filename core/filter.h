#pragma once

// Filter: what the user chose to see, shared by every view.
//
// Hidden parties, shown statuses, required tags and a text query (matched whatever the case
// and accents, see searchtext.h). Views ask accepts*() for
// each item they show. Setters emit changed() only when the value changes; a burst of
// changes from one user action should be made between beginUpdate() and endUpdate() so
// views recompute once.

#include "model.h"

#include <QObject>
#include <QString>

#include <set>

namespace claimline {

class Project;

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
    // Word indices (Project::word) an event must carry, all of them; empty = any.
    const std::set<std::uint32_t> &tags() const { return m_tags; }
    void setTags(std::set<std::uint32_t> tags);
    QString textQuery() const { return m_textQuery; }
    void setTextQuery(const QString &query);

    bool isActive() const;
    void clear();

    void beginUpdate();
    void endUpdate();

    bool acceptsEvent(const Project &project, std::uint32_t event) const;
    bool acceptsClaim(const Project &project, std::uint32_t claim) const;

Q_SIGNALS:
    void changed();

private:
    void notify();
    bool hasRequiredTags(const Project &project, const Event &event) const;
    bool matchesText(const Project &project, std::initializer_list<TextRef> texts) const;

    std::set<std::uint32_t> m_hiddenParties;
    std::set<std::uint32_t> m_tags;
    QString m_textQuery;
    QString m_needle; // the trimmed query, folded (searchtext.h)
    std::uint32_t m_statuses = AllStatuses;
    int m_updateDepth = 0;
    bool m_pending = false;

    static constexpr std::uint32_t AllStatuses = (1u << StatusNames.size()) - 1;
};

} // namespace claimline
