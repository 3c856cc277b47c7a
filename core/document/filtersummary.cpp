// Filter's words: the status bar's one-line summary of what the filter hides, and the full
// description behind it (its tooltip). The summary stays short whatever the project holds: it
// names at most two parties or tags and counts the rest, so that the line never runs past the
// window with a list of every hidden party; the description names them all.

#include "document/filter.h"

#include "model/project.h"
#include "text/visibletext.h"

#include <QStringList>

#include <vector>

namespace claimline {

namespace {

constexpr std::int64_t SecondsPerDay = 86400;
// Names longer than this are cut in the summary (never in the description).
constexpr qsizetype NameLength = 32;
// The summary names up to this many parties or tags; more are counted.
constexpr std::size_t NamedAtMost = 2;

bool isMidnight(std::int64_t seconds)
{
    return seconds % SecondsPerDay == 0;
}

// "28 Dec 2025" for a UTC midnight, "28 Dec 2025, 22:00 UTC" otherwise.
QString instantText(std::int64_t seconds)
{
    const FuzzyTime time = FuzzyTime::fromInstant(
        seconds,
        isMidnight(seconds) ? Precision::Day
                            : (seconds % 60 == 0 ? Precision::Minute : Precision::Second));
    return time.isNull() ? QString::number(seconds) : time.toDisplayString();
}

// The end of a half-open range as people say it: the last day included when the range ends
// at a midnight ("until 31 Dec 2025" for [.., 1 Jan 2026)), else the instant it stops before.
QString endText(std::int64_t to)
{
    return isMidnight(to) ? instantText(to - SecondsPerDay) : instantText(to);
}

QString quoted(const QString &text)
{
    return QChar(0x201C) + text + QChar(0x201D);
}

QString elided(QString text, qsizetype length)
{
    if (text.size() > length)
        text = text.left(length - 1) + QChar(0x2026);
    return text;
}

QString joined(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

// The names of these parties (file order), hidden characters made visible.
QStringList partyNames(const Project &project, const std::vector<std::uint32_t> &parties,
                       qsizetype length = -1)
{
    QStringList names;
    for (const std::uint32_t party : parties) {
        const QString name = visibleText(project.text(project.parties()[party].name));
        names << (length > 0 ? elided(name, length) : name);
    }
    return names;
}

} // namespace

// The criteria in words, in the panel's order: the short form names at most two parties or
// tags, the long one every one of them.
QStringList Filter::describe(const Project &project, bool full) const
{
    QStringList parts;
    const QString none = tr("none");

    // Parties: the shown and the hidden ones, in the project's order. Indices of parties that
    // no longer exist (a stale saved view) hide nothing and are not counted.
    std::vector<std::uint32_t> shown;
    std::vector<std::uint32_t> hidden;
    for (std::uint32_t party = 0; party < project.parties().size(); ++party)
        (m_hiddenParties.count(party) > 0 ? hidden : shown).push_back(party);
    const std::size_t total = project.parties().size();
    if (!hidden.empty() && full) {
        parts << tr("Parties shown (%1 of %2): %3")
                     .arg(shown.size())
                     .arg(total)
                     .arg(shown.empty() ? none : joined(partyNames(project, shown)));
        parts << tr("Parties hidden (%1): %2")
                     .arg(hidden.size())
                     .arg(joined(partyNames(project, hidden)));
    } else if (!hidden.empty()) {
        // Name the smaller side when it is short, else count.
        if (shown.empty())
            parts << tr("no parties");
        else if (hidden.size() <= NamedAtMost && hidden.size() <= shown.size())
            parts << tr("hiding %1").arg(joined(partyNames(project, hidden, NameLength)));
        else if (shown.size() <= NamedAtMost)
            parts << tr("only %1").arg(joined(partyNames(project, shown, NameLength)));
        else
            parts << tr("%1 of %2 parties").arg(shown.size()).arg(total);
    }

    if (m_statuses != AllStatuses) {
        QStringList names;
        for (std::size_t s = 0; s < StatusNames.size(); ++s) {
            if (isStatusShown(Status(s)))
                names << QString::fromUtf8(StatusNames[s]);
        }
        const QString list = names.isEmpty() ? none : joined(names);
        parts << (full ? tr("Statuses shown: %1") : tr("statuses: %1")).arg(list);
    }

    if (m_stances != AllStances) {
        QStringList names;
        for (std::size_t s = 0; s < StanceNames.size(); ++s) {
            if (isStanceShown(Stance(s)))
                names << (Stance(s) == Stance::None ? tr("no stance")
                                                    : QString::fromUtf8(StanceNames[s]));
        }
        const QString list = names.isEmpty() ? none : joined(names);
        parts << (full ? tr("Stances of claims shown: %1") : tr("stances: %1")).arg(list);
    }

    if (!m_tags.empty()) {
        QStringList names;
        for (const std::uint32_t tag : m_tags) {
            if (tag < project.wordCount()) {
                const QString name = visibleText(QString::fromUtf8(project.word(tag)));
                names << (full ? name : elided(name, NameLength));
            }
        }
        if (full)
            parts << tr("Items with every one of these tags: %1").arg(joined(names));
        else if (std::size_t(names.size()) <= NamedAtMost)
            parts << tr("tags: %1").arg(joined(names));
        else
            parts << tr("%1 tags").arg(names.size());
    }

    if (full && !m_questions.empty()) {
        QStringList texts;
        for (const std::uint32_t question : m_questions) {
            if (question < project.questions().size())
                texts << quoted(visibleText(project.text(project.questions()[question].text)));
        }
        parts << tr("Claims on: %1").arg(texts.join(tr(" or ")));
    } else if (m_questions.size() == 1 && *m_questions.begin() < project.questions().size()) {
        const QString text = project.text(project.questions()[*m_questions.begin()].text);
        parts << tr("question %1").arg(quoted(elided(visibleText(text), 40)));
    } else if (!m_questions.empty()) {
        parts << tr("%1 questions").arg(m_questions.size());
    }

    QString dates;
    if (m_dateFrom && m_dateTo)
        dates = instantText(*m_dateFrom) + QStringLiteral(" \u2013 ") + endText(*m_dateTo);
    else if (m_dateFrom)
        dates = tr("since %1").arg(instantText(*m_dateFrom));
    else if (m_dateTo)
        dates = (isMidnight(*m_dateTo) ? tr("until %1") : tr("before %1")).arg(endText(*m_dateTo));
    if (!dates.isEmpty())
        parts << (full ? tr("Dates: %1").arg(dates) : dates);

    QString sources;
    if (m_minimumReliability == 'A')
        sources = tr("sources rated A");
    else if (m_minimumReliability != 0)
        sources = tr("sources rated %1 or better").arg(QChar::fromLatin1(m_minimumReliability));
    if (!sources.isEmpty())
        parts << (full ? tr("Items citing %1").arg(sources) : sources);

    if (m_starredOnly)
        parts << (full ? tr("Starred items only") : tr("starred"));
    if (m_annotatedOnly && m_annotationAuthor.isEmpty())
        parts << (full ? tr("Annotated items only") : tr("annotated"));
    if (!m_annotationAuthor.isEmpty()) {
        const QString author = visibleText(m_annotationAuthor);
        parts << (full ? tr("Annotated by %1").arg(author)
                       : tr("annotated by %1").arg(elided(author, NameLength)));
    }

    const QString query = visibleText(m_textQuery.trimmed());
    if (!query.isEmpty())
        parts << (full ? tr("Text: %1").arg(quoted(query))
                       : tr("text %1").arg(quoted(elided(query, 40))));
    return parts;
}

QString Filter::summary(const Project &project) const
{
    // A filter of parties that no longer exist only is active but hides nothing: say nothing.
    const QStringList parts = isActive() ? describe(project, false) : QStringList();
    return parts.isEmpty() ? QString() : tr("Filter: %1").arg(parts.join(QStringLiteral("; ")));
}

QString Filter::description(const Project &project) const
{
    if (!isActive())
        return {};
    return describe(project, true).join(u'\n');
}

} // namespace claimline
