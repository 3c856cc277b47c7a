#include "present/narrativestext.h"

#include "present/labels.h"

#include "model/project.h"
#include "text/quotedtext.h"
#include "text/visibletext.h"

#include <QStringList>

#include <algorithm>

namespace claimline {

namespace {

QString reliabilityText(char grade)
{
    const QString meaning = reliabilityMeaning(grade);
    return meaning.isEmpty() ? NarrativesText::tr("not graded")
                             : QStringLiteral("%1, %2").arg(QString(QLatin1Char(grade)), meaning);
}

// Paragraphs of a long file text, each made visible; blank lines dropped.
QStringList paragraphs(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        QString visible = visibleText(QString(line).remove(QLatin1Char('\r'))).trimmed();
        if (!visible.isEmpty())
            out << visible;
    }
    return out;
}

QString indented(const QString &text, const QString &prefix = QStringLiteral("    "))
{
    QStringList lines = paragraphs(text);
    for (QString &line : lines)
        line.prepend(prefix);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString NarrativesText::stance(Stance stance)
{
    return stanceLabel(stance);
}

QString NarrativesText::status(Status status)
{
    return statusLabel(status);
}

QString NarrativesText::relation(RelationKind kind)
{
    return fileWord(nameOf(kind));
}

QString NarrativesText::answerChip(RelationKind kind)
{
    return QChar(0x21a9) + QLatin1Char(' ') + relation(kind);
}

QString NarrativesText::oneLine(const QString &text)
{
    QString flat = text;
    flat.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    flat.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return visibleText(flat);
}

QString NarrativesText::fileText(const Project &project, TextRef ref)
{
    return oneLine(project.text(ref));
}

QString NarrativesText::partyName(const Project &project, std::uint32_t party)
{
    if (party >= project.parties().size())
        return tr("No party");
    return fileText(project, project.parties()[party].name);
}

QString NarrativesText::partiesName(const Project &project,
                                    const std::vector<std::uint32_t> &parties)
{
    QStringList names;
    for (const std::uint32_t party : parties)
        names << partyName(project, party);
    return names.isEmpty() ? tr("No party") : names.join(QStringLiteral(" + "));
}

QString NarrativesText::speakerName(const Project &project, Speaker speaker)
{
    if (!speaker.isValid())
        return tr("Unknown");
    if (speaker.isParty)
        return speaker.index < project.parties().size()
            ? fileText(project, project.parties()[speaker.index].name)
            : tr("Unknown");
    return speaker.index < project.actors().size()
        ? fileText(project, project.actors()[speaker.index].name)
        : tr("Unknown");
}

QString NarrativesText::claimant(const Project &project, std::uint32_t claim)
{
    const Claim &c = project.claims()[claim];
    QString name = speakerName(project, c.claimant);
    if (c.via.isValid())
        name += tr(" (via %1)").arg(speakerName(project, c.via));
    return name;
}

QString NarrativesText::madeAt(const Project &project, std::uint32_t claim, const QTimeZone &zone)
{
    const FuzzyTime &time = project.claims()[claim].madeAt;
    return time.isNull() ? tr("undated") : time.toDisplayString(zone);
}

char NarrativesText::bestReliability(const Project &project, IndexRange citations)
{
    char best = 0;
    for (const Citation &citation : project.citations(citations)) {
        if (citation.source >= project.sources().size())
            continue;
        const char grade = project.sources()[citation.source].reliability;
        if (grade >= 'A' && grade <= 'F' && (best == 0 || grade < best))
            best = grade;
    }
    return best;
}

std::size_t NarrativesText::sourceCount(const Project &project, IndexRange citations)
{
    // A claim may cite one source twice, for two excerpts: that is still one source. Lists
    // are short (a handful of citations), so a pass over the ones before is cheapest.
    const std::span<const Citation> cited = project.citations(citations);
    std::size_t count = 0;
    for (std::size_t i = 0; i < cited.size(); ++i) {
        const auto same = [&](const Citation &c) {
            return c.source == cited[i].source;
        };
        if (std::none_of(cited.begin(), cited.begin() + std::ptrdiff_t(i), same))
            ++count;
    }
    return count;
}

QString NarrativesText::sources(const Project &project, IndexRange citations)
{
    const std::size_t count = sourceCount(project, citations);
    if (count == 0)
        return tr("no sources");
    const QString number
        = count == 1 ? tr("1 source") : tr("%1 sources").arg(QString::number(count));
    const char best = bestReliability(project, citations);
    if (best == 0)
        return number + tr(" · not graded");
    return number + tr(" · best %1").arg(QLatin1Char(best));
}

QString NarrativesText::footer(const Project &project, std::uint32_t claim)
{
    const Claim &c = project.claims()[claim];
    return sources(project, c.sources) + QStringLiteral(" · ") + status(c.status);
}

QString NarrativesText::claimSummary(const Project &project, std::uint32_t claim,
                                     const QTimeZone &zone)
{
    const Claim &c = project.claims()[claim];
    QStringList lines;
    lines << stance(c.stance) + QStringLiteral(" · ") + NarrativesText::claimant(project, claim)
            + QStringLiteral(" · ") + madeAt(project, claim, zone);
    lines << fileText(project, c.statement);
    if (!c.quote.isEmpty())
        lines << inQuotes(fileText(project, c.quote));
    lines << footer(project, claim);
    return lines.join(QLatin1Char('\n'));
}

QString NarrativesText::answerLine(const Project &project, std::uint32_t relation,
                                   bool unbreakableLag)
{
    const Relation &r = project.relations()[relation];
    QString lag
        = formatLag(responseLag(project.claims()[r.from].madeAt, project.claims()[r.to].madeAt));
    // On a card the lag stays on one line: no-break spaces, word joiners around the dash.
    if (unbreakableLag)
        lag.replace(QLatin1Char(' '), QChar(0x00a0))
            .replace(QChar(0x2013), QString(QChar(0x2060)) + QChar(0x2013) + QChar(0x2060));
    return tr("in answer to %1 · %2").arg(claimant(project, r.to), lag);
}

QString NarrativesText::answerSummary(const Project &project, std::uint32_t claim,
                                      std::uint32_t relation, const QTimeZone &zone)
{
    const Claim &c = project.claims()[claim];
    QStringList lines;
    lines << NarrativesText::relation(project.relations()[relation].kind) + QStringLiteral(" · ")
            + NarrativesText::claimant(project, claim) + QStringLiteral(" · ")
            + madeAt(project, claim, zone);
    lines << answerLine(project, relation);
    lines << fileText(project, c.statement);
    if (!c.quote.isEmpty())
        lines << inQuotes(fileText(project, c.quote));
    lines << footer(project, claim);
    return lines.join(QLatin1Char('\n'));
}

Stance NarrativesText::stanceOf(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Denies:
    case RelationKind::Rebuts:
        return Stance::Denies;
    case RelationKind::Disputes:
        return Stance::Disputes;
    case RelationKind::Qualifies:
        return Stance::Qualifies;
    case RelationKind::Corroborates:
        return Stance::Affirms;
    }
    return Stance::None;
}

QString NarrativesText::noPosition()
{
    return tr("no public position");
}

QString NarrativesText::unanswered()
{
    return tr("unanswered");
}

QString NarrativesText::drillDown(const Project &project, std::uint32_t claim,
                                  const QTimeZone &zone)
{
    if (claim >= project.claims().size())
        return {};
    const Claim &c = project.claims()[claim];
    QStringList out;
    out << tr("Claim by %1").arg(NarrativesText::claimant(project, claim));
    out << tr("Said: %1").arg(madeAt(project, claim, zone));
    out << tr("Stance: %1").arg(stance(c.stance));
    if (c.question != NoIndex && c.question < project.questions().size())
        out << tr("Question: %1").arg(fileText(project, project.questions()[c.question].text));
    out << tr("Status: %1").arg(status(c.status));
    out << QString() << tr("Statement") << indented(project.text(c.statement));
    if (!c.quote.isEmpty()) {
        out << QString() << tr("Quote");
        out << QStringLiteral("    ") + inQuotes(fileText(project, c.quote));
        if (!c.quoteTranslation.isEmpty())
            out << tr("    Translation: %1").arg(fileText(project, c.quoteTranslation));
    }

    const auto citations = project.citations(c.sources);
    out << QString() << tr("Sources (%1)").arg(citations.size());
    if (citations.empty())
        out << tr("    none recorded");
    for (const Citation &citation : citations) {
        if (citation.source >= project.sources().size())
            continue;
        const Source &source = project.sources()[citation.source];
        QString line = QStringLiteral("  • ") + fileText(project, source.title);
        QStringList facts;
        if (!source.outlet.isEmpty())
            facts << fileText(project, source.outlet);
        if (!source.published.isNull())
            facts << source.published.toDisplayString(zone);
        facts << tr("reliability %1").arg(reliabilityText(source.reliability));
        line += QStringLiteral(" (") + facts.join(QStringLiteral(", ")) + QLatin1Char(')');
        out << line;
        if (!source.url.isEmpty())
            out << QStringLiteral("    ") + fileText(project, source.url);
        if (!citation.excerpt.isEmpty())
            out << QStringLiteral("    ") + inQuotes(fileText(project, citation.excerpt));
    }

    // Relations either way; the lag always runs from the earlier claim to its answer.
    const std::span<const std::uint32_t> answered = project.relationsFrom(claim);
    const std::vector<Answer> answers = project.answers(claim);
    out << QString() << tr("Relations (%1)").arg(answered.size() + answers.size());
    if (answered.empty() && answers.empty())
        out << tr("    none recorded");
    for (const std::uint32_t r : answered) {
        const Relation &link = project.relations()[r];
        const Claim &original = project.claims()[link.to];
        out << tr("  • this claim %1 %2 · %3")
                   .arg(relation(link.kind), NarrativesText::claimant(project, link.to),
                        formatLag(responseLag(c.madeAt, original.madeAt)));
        out << indented(project.text(original.statement));
    }
    for (const Answer &answer : answers) {
        out << tr("  • %1 %2 this claim · %3")
                   .arg(NarrativesText::claimant(project, answer.claim), relation(answer.kind),
                        formatLag(answer.lag));
        out << indented(project.text(project.claims()[answer.claim].statement));
    }

    out << QString() << tr("Event");
    if (c.about == NoIndex || c.about >= project.events().size()) {
        out << tr("    none recorded");
    } else {
        const Event &event = project.events()[c.about];
        out << QStringLiteral("    ") + fileText(project, event.title);
        out << tr("    When: %1").arg(event.when.toDisplayString(zone));
        if (!event.summary.isEmpty())
            out << indented(project.text(event.summary));
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace claimline
