#include "export/narrativeshtml.h"

#include "export/htmltext.h"
#include "export/narrativeshtmlstyle.h"
#include "model/project.h"
#include "present/narrativestable.h"
#include "present/narrativestext.h"
#include "text/quotedtext.h"

#include <QStringList>

#include <algorithm>
#include <cstdint>

namespace claimline {

QString narrativesTitle(const Project &project)
{
    const QString title = NarrativesText::fileText(project, project.meta().title);
    return title.isEmpty() ? QStringLiteral("Competing narratives") : title;
}

QString narrativesSubtitle(const Project &project, const NarrativesTable &table)
{
    if (table.mode() == NarrativesMode::Matrix) {
        std::size_t claims = 0;
        for (int c = 0; c < table.columnCount(); ++c)
            claims += table.claimCount(c);
        return QStringLiteral("Who claimed what, question by question: %1 claims by %2 parties on "
                              "%3 questions")
            .arg(claims)
            .arg(table.columnCount())
            .arg(table.rowCount());
    }
    return QStringLiteral("%1 vs %2: each claim opposite the claims that answer it or that it "
                          "answers, with the time it took to answer")
        .arg(table.columnTitle(project, NarrativesTable::ColumnA),
             table.columnTitle(project, NarrativesTable::ColumnB));
}

QString narrativesFooter(const QTimeZone &zone)
{
    return QStringLiteral("Dates are when each claim was said (times of day in %1). Statements "
                          "are paraphrases; quotes are verbatim. Status and source grades as "
                          "recorded in the project. Made with Claimline.")
        .arg(QString::fromUtf8(zone.id()));
}

namespace {

QString countOf(std::size_t n, const char *singular, const char *plural)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? singular : plural);
}

QString swatchHtml(const Project &project, std::uint32_t party)
{
    return QStringLiteral("<span class=\"swatch\" aria-hidden=\"true\" style=\"background:")
        + narrativesPartyCss(project, party) + QStringLiteral("\"></span>");
}

// Text of several lines from the file as HTML: each line made visible (NarrativesText) and
// escaped, the lines joined by <br>.
QString linesHtml(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n')))
        lines << htmlEscaped(NarrativesText::oneLine(line));
    return lines.join(QStringLiteral("<br>"));
}

// The claim's internal notes and annotations, in a block marked as internal (withNotes).
QString notesHtml(const Project &project, const Claim &c)
{
    if (c.notes.isEmpty() && c.annotations.count == 0)
        return {};
    QString html = QStringLiteral("<div class=\"internal\"><p><strong>Internal, not for "
                                  "publication</strong></p>\n");
    if (!c.notes.isEmpty())
        html += QStringLiteral("<p><em>Notes:</em> ") + linesHtml(project.text(c.notes))
            + QStringLiteral("</p>\n");
    for (const Annotation &a : project.annotations(c.annotations))
        html += QStringLiteral("<p>") + htmlEscaped(QString::fromStdString(a.at.toEdtf()))
            + QLatin1Char(' ') + htmlEscaped(NarrativesText::fileText(project, a.author))
            + QStringLiteral(": ") + linesHtml(project.text(a.text)) + QStringLiteral("</p>\n");
    return html + QStringLiteral("</div>\n");
}

// A claim's card: the stance chip and the date on one line (separate flex items, never run
// together), the claimant on the next, the statement, the quote and the sources. Whitespace
// between the elements keeps the words apart in the page's text too (copying, reader modes).
// With notes, the card ends with them (notesHtml()).
QString claimHtml(const Project &project, const NarrativesTable &table, std::uint32_t claim,
                  const QTimeZone &zone, bool withNotes, std::uint32_t relation = NoIndex)
{
    const Claim &c = project.claims()[claim];
    const bool answer = relation != NoIndex;
    const Stance shown
        = answer ? NarrativesText::stanceOf(project.relations()[relation].kind) : c.stance;
    const QString stance = answer ? NarrativesText::answerChip(project.relations()[relation].kind)
                                  : NarrativesText::stance(c.stance);
    QString html = QStringLiteral("<div class=\"claim ") + narrativesStanceClass(shown)
        + QStringLiteral("\">\n<p class=\"head\"><span class=\"stance\">") + htmlEscaped(stance)
        + QStringLiteral("</span> <span class=\"when\">")
        + htmlEscaped(NarrativesText::madeAt(project, claim, zone))
        + QStringLiteral("</span></p>\n<p class=\"who\">")
        + htmlEscaped(NarrativesText::claimant(project, claim)) + QStringLiteral("</p>\n");
    if (answer)
        html += QStringLiteral("<p class=\"meta\"><em>")
            + htmlEscaped(NarrativesText::answerLine(project, relation))
            + QStringLiteral("</em></p>\n");
    html += QStringLiteral("<p>") + htmlEscaped(NarrativesText::fileText(project, c.statement))
        + QStringLiteral("</p>\n");
    if (!c.quote.isEmpty())
        html += QStringLiteral("<blockquote>")
            + htmlEscaped(inQuotes(NarrativesText::fileText(project, c.quote)))
            + QStringLiteral("</blockquote>\n");
    html += QStringLiteral("<p class=\"meta\">")
        + htmlEscaped(NarrativesText::footer(project, claim)) + QStringLiteral("</p>\n");
    if (table.isUnanswered(claim))
        html += QStringLiteral("<p class=\"flag\">") + QChar(0x2691) + QLatin1Char(' ')
            + htmlEscaped(NarrativesText::unanswered()) + QStringLiteral("</p>\n");
    if (withNotes)
        html += notesHtml(project, c);
    return html + QStringLiteral("</div>\n");
}

// --- matrix: the overview table ---------------------------------------------------------------

QString anchor(std::size_t row)
{
    return QStringLiteral("q%1").arg(row + 1);
}

QString anchor(std::size_t row, std::size_t column)
{
    return QStringLiteral("q%1-%2").arg(row + 1).arg(column + 1);
}

// An overview cell's <td>: it names its party and colour for a phone, where the column
// headers are out of sight and each question's cells run on as a line.
QString overviewTd(const Project &project, const NarrativesTable &table, std::size_t c,
                   const char *cssClass = nullptr)
{
    const std::vector<std::uint32_t> parties = table.columnParties(int(c));
    QString html = QStringLiteral("<td");
    if (cssClass)
        html += QStringLiteral(" class=\"") + QLatin1String(cssClass) + QLatin1Char('"');
    return html + QStringLiteral(" data-party=\"") + htmlEscaped(table.columnTitle(project, int(c)))
        + QStringLiteral("\" style=\"--party:")
        + narrativesPartyCss(project, parties.empty() ? NoIndex : parties.front())
        + QStringLiteral("\">");
}

// A cell of the overview: one chip per stance the party took ("affirms ×3") and per kind of
// answer from another question ("↩ denies"), linked to the party's claims below.
QString overviewCell(const Project &project, const NarrativesTable &table, std::size_t r,
                     std::size_t c)
{
    const NarrativesRow &row = table.rows()[r];
    const std::vector<std::uint32_t> &claims = row.cells[c];
    const std::vector<NarrativesAnswer> &answers = row.answers[c];
    if (claims.empty() && answers.empty()) {
        const QString visible = row.hidden[c] == 0 ? QString(QChar(0x2013))
                                                   : QStringLiteral("%1 hidden").arg(row.hidden[c]);
        return overviewTd(project, table, c, "none") + QStringLiteral("<span aria-hidden=\"true\">")
            + visible + QStringLiteral("</span><span class=\"vh\">")
            + htmlEscaped(NarrativesTable::emptyCellText(row.hidden[c]))
            + QStringLiteral("</span></td>");
    }
    QStringList chips;
    const auto chip = [&chips](Stance stance, const QString &text, std::size_t n) {
        if (n == 0)
            return;
        chips << QStringLiteral("<span class=\"chip ") + narrativesStanceClass(stance)
                + QStringLiteral("\">") + htmlEscaped(text)
                + (n > 1 ? QStringLiteral(" ") + QChar(0x00d7) + QString::number(n) : QString())
                + QStringLiteral("</span>");
    };
    for (const Stance stance :
         {Stance::Affirms, Stance::Denies, Stance::Disputes, Stance::Qualifies, Stance::None}) {
        const auto n = std::count_if(claims.begin(), claims.end(), [&](std::uint32_t claim) {
            return project.claims()[claim].stance == stance;
        });
        chip(stance, NarrativesText::stance(stance), std::size_t(n));
    }
    for (const RelationKind kind :
         {RelationKind::Corroborates, RelationKind::Denies, RelationKind::Rebuts,
          RelationKind::Disputes, RelationKind::Qualifies}) {
        const auto n = std::count_if(answers.begin(), answers.end(), [&](const auto &answer) {
            return project.relations()[answer.relation].kind == kind;
        });
        chip(NarrativesText::stanceOf(kind), NarrativesText::answerChip(kind), std::size_t(n));
    }
    return overviewTd(project, table, c) + QStringLiteral("<a href=\"#") + anchor(r, c)
        + QStringLiteral("\">") + chips.join(QLatin1Char(' ')) + QStringLiteral("</a></td>");
}

QString overviewHtml(const Project &project, const NarrativesTable &table)
{
    // The note is outside the scrolling box, where it wraps to the page's width.
    QString html = QStringLiteral("<p class=\"note\">In the table below, a cell shows the "
                                  "stances the party took on the question (");
    html += QChar(0x21a9);
    html += QStringLiteral(": an answer to a claim on it from another question); follow a "
                           "question or a cell to its claims.</p>\n"
                           "<div class=\"scroll overview\" role=\"region\" "
                           "aria-labelledby=\"overview\" tabindex=\"0\">\n<table>\n"
                           "<caption id=\"overview\">Stances at a glance</caption>\n<thead><tr>"
                           "<th scope=\"col\">Question</th>");
    for (int c = 0; c < table.columnCount(); ++c) {
        html += QStringLiteral("<th scope=\"col\">");
        for (const std::uint32_t party : table.columnParties(c))
            html += swatchHtml(project, party);
        html += htmlEscaped(table.columnTitle(project, c)) + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        html += QStringLiteral("<tr><th scope=\"row\"><a href=\"#") + anchor(r)
            + QStringLiteral("\">") + htmlEscaped(table.rowTitle(project, int(r)))
            + QStringLiteral("</a></th>");
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            html += overviewCell(project, table, r, c);
        html += QStringLiteral("</tr>\n");
    }
    // The two counts the views show, each named for what it counts: the matrix's and side by
    // side's (and the timeline's).
    html += QStringLiteral("</tbody>\n<tfoot>\n<tr><th scope=\"row\">Claims on these "
                           "questions</th>");
    for (int c = 0; c < table.columnCount(); ++c)
        html += overviewTd(project, table, std::size_t(c)) + QString::number(table.claimCount(c))
            + QStringLiteral("</td>");
    html += QStringLiteral("</tr>\n<tr><th scope=\"row\">Claims in all, on any question or "
                           "none</th>");
    for (int c = 0; c < table.columnCount(); ++c)
        html += overviewTd(project, table, std::size_t(c))
            + QString::number(table.partyClaimCount(c)) + QStringLiteral("</td>");
    return html + QStringLiteral("</tr>\n</tfoot>\n</table>\n</div>\n");
}

// --- matrix: the claims, question by question ------------------------------------------------

// A question: a grid of the parties that took a position (as many columns as the page has
// room for, one on a phone), each with its claims; then the parties that took none.
QString questionHtml(const Project &project, const NarrativesTable &table, std::size_t r,
                     const QTimeZone &zone, bool withNotes)
{
    const NarrativesRow &row = table.rows()[r];
    QString cells;
    QStringList silent;
    QStringList hidden;
    std::size_t claims = 0;
    std::size_t answers = 0;
    std::size_t speaking = 0;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const QString name = table.columnTitle(project, int(c));
        const std::size_t own = row.cells[c].size();
        const std::size_t answered = row.answers[c].size();
        claims += own;
        answers += answered;
        if (own == 0 && answered == 0) {
            if (row.hidden[c] > 0)
                hidden << htmlEscaped(name) + QStringLiteral(" (")
                        + countOf(row.hidden[c], "claim", "claims") + QLatin1Char(')');
            else
                silent << htmlEscaped(name);
            continue;
        }
        ++speaking;
        QStringList counts;
        if (own > 0)
            counts << countOf(own, "claim", "claims");
        if (answered > 0)
            counts << countOf(answered, "answer from another question",
                              "answers from other questions");
        const std::vector<std::uint32_t> parties = table.columnParties(int(c));
        cells += QStringLiteral("<div class=\"party\" id=\"") + anchor(r, c)
            + QStringLiteral("\" style=\"border-top-color:")
            + narrativesPartyCss(project, parties.empty() ? NoIndex : parties.front())
            + QStringLiteral("\">\n<h3>");
        for (const std::uint32_t party : parties)
            cells += swatchHtml(project, party);
        cells += htmlEscaped(name) + QStringLiteral(" <span class=\"meta\">")
            + counts.join(QStringLiteral(" · ")) + QStringLiteral("</span></h3>\n");
        for (const std::uint32_t claim : row.cells[c])
            cells += claimHtml(project, table, claim, zone, withNotes);
        for (const NarrativesAnswer &answer : row.answers[c])
            cells += claimHtml(project, table, answer.claim, zone, withNotes, answer.relation);
        cells += QStringLiteral("</div>\n");
    }
    QString html = QStringLiteral("<section class=\"question\" id=\"") + anchor(r)
        + QStringLiteral("\" aria-labelledby=\"") + anchor(r) + QStringLiteral("-h\">\n<h2 id=\"")
        + anchor(r) + QStringLiteral("-h\">") + htmlEscaped(table.rowTitle(project, int(r)))
        + QStringLiteral("</h2>\n<p class=\"meta\">") + countOf(claims, "claim", "claims");
    if (answers > 0)
        html += QStringLiteral(" and ")
            + countOf(answers, "answer from another question", "answers from other questions");
    html += QStringLiteral(" by ") + countOf(speaking, "party", "parties")
        + QStringLiteral("</p>\n");
    if (!cells.isEmpty())
        html += QStringLiteral("<div class=\"parties\">\n") + cells + QStringLiteral("</div>\n");
    if (!silent.isEmpty())
        html += QStringLiteral("<p class=\"silent\">Parties with ")
            + htmlEscaped(NarrativesText::noPosition()) + QStringLiteral(" on this question: ")
            + silent.join(QStringLiteral(", ")) + QStringLiteral(".</p>\n");
    if (!hidden.isEmpty())
        html += QStringLiteral("<p class=\"silent\">Claims hidden by the filter: ")
            + hidden.join(QStringLiteral(", ")) + QStringLiteral(".</p>\n");
    return html + QStringLiteral("</section>\n");
}

// --- side by side ---------------------------------------------------------------------------

QString sideBySideHtml(const Project &project, const NarrativesTable &table, const QTimeZone &zone,
                       bool withNotes)
{
    const QString aName = table.columnTitle(project, NarrativesTable::ColumnA);
    const QString bName = table.columnTitle(project, NarrativesTable::ColumnB);
    const auto header = [&](int column) -> QString {
        QString html = QStringLiteral("<th scope=\"col\">");
        for (const std::uint32_t party : table.columnParties(column))
            html += swatchHtml(project, party);
        return html + htmlEscaped(table.columnTitle(project, column))
            + QStringLiteral(" <span class=\"meta\">") + htmlEscaped(table.countText(column))
            + QStringLiteral("</span></th>");
    };
    // A cell says whose claims it holds: the column header is out of sight on a phone.
    const auto cell
        = [&](const std::vector<std::uint32_t> &claims, const QString &name) -> QString {
        QString html
            = QStringLiteral("<td data-label=\"") + htmlEscaped(name) + QStringLiteral("\">");
        if (claims.empty())
            html += QStringLiteral("<span class=\"empty\">")
                + htmlEscaped(QStringLiteral("no related claim from %1").arg(name))
                + QStringLiteral("</span>");
        for (const std::uint32_t claim : claims)
            html += claimHtml(project, table, claim, zone, withNotes);
        return html + QStringLiteral("</td>");
    };
    QString html = QStringLiteral("<div class=\"scroll side\" role=\"region\" "
                                  "aria-labelledby=\"comparison\" tabindex=\"0\">\n<table>\n"
                                  "<caption id=\"comparison\">")
        + htmlEscaped(aName) + QStringLiteral(" vs ") + htmlEscaped(bName)
        + QStringLiteral("</caption>\n<thead><tr>") + header(NarrativesTable::ColumnA)
        + QStringLiteral("<th scope=\"col\">Answer · lag</th>") + header(NarrativesTable::ColumnB)
        + QStringLiteral("</tr></thead>\n");
    bool bodyOpen = false;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        if (row.kind == NarrativesRow::Kind::Heading) {
            if (bodyOpen)
                html += QStringLiteral("</tbody>\n");
            html += QStringLiteral("<tbody><tr><th scope=\"rowgroup\" colspan=\"3\">")
                + htmlEscaped(table.rowTitle(project, int(r))) + QStringLiteral("</th></tr>\n");
            bodyOpen = true;
            continue;
        }
        if (row.kind != NarrativesRow::Kind::Pair)
            continue;
        if (!bodyOpen) {
            html += QStringLiteral("<tbody>\n");
            bodyOpen = true;
        }
        QString links;
        for (std::size_t i = 0; i < row.links.size(); ++i) {
            const NarrativesLink &link = row.links[i];
            if (link.relation == NoIndex || row.cells[0].empty())
                continue;
            const Claim &a = project.claims()[row.cells[0][0]];
            const Claim &b = project.claims()[row.cells[1][i]];
            const QString lag = link.aAnswers ? formatLag(responseLag(a.madeAt, b.madeAt))
                                              : formatLag(responseLag(b.madeAt, a.madeAt));
            const QString kind = NarrativesText::relation(project.relations()[link.relation].kind);
            // The arrow points from the answer to the claim it answers.
            const QString arrow = link.aAnswers
                ? QString(htmlEscaped(kind) + QLatin1Char(' ') + QChar(0x25b6))
                : QString(QChar(0x25c0) + QLatin1Char(' ') + htmlEscaped(kind));
            links += QStringLiteral("<p>") + arrow + QStringLiteral(" <span>") + htmlEscaped(lag)
                + QStringLiteral("</span></p>");
        }
        // Labelled only when it holds something: an empty one is left out on a phone.
        html += QStringLiteral("<tr>") + cell(row.cells[0], aName)
            + (links.isEmpty() ? QStringLiteral("<td class=\"link\">")
                               : QStringLiteral("<td class=\"link\" data-label=\"Answer · lag\">"))
            + links + QStringLiteral("</td>") + cell(row.cells[1], bName)
            + QStringLiteral("</tr>\n");
    }
    if (bodyOpen)
        html += QStringLiteral("</tbody>\n");
    return html + QStringLiteral("</table>\n</div>\n");
}

// The project's public description, one paragraph per non-empty line (a line break in the
// file would otherwise show as a control-character marker). Never the internal description:
// that holds conventions and caveats for the team, not for readers.
QString publicDescriptionHtml(const Project &project)
{
    QString html;
    const QString text = project.text(project.meta().publicDescription);
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            html += QStringLiteral("<p class=\"lead\">") + htmlEscaped(trimmed.toString())
                + QStringLiteral("</p>\n");
    }
    return html;
}

} // namespace

QString narrativesHtml(const Project &project, const NarrativesTable &table, const QTimeZone &zone,
                       const QString &title, bool withNotes)
{
    const QString heading = title.isEmpty() ? narrativesTitle(project) : title;
    // For search engines and link previews: the public description on one line.
    const QString summary
        = NarrativesText::oneLine(project.text(project.meta().publicDescription)).trimmed();
    const QString summaryMeta = summary.isEmpty()
        ? QString()
        : QString(QStringLiteral("<meta name=\"description\" content=\"") + htmlEscaped(summary)
                  + QStringLiteral("\">\n"));

    QString html = QStringLiteral(
                       "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        + summaryMeta + QStringLiteral("<title>") + htmlEscaped(heading)
        + QStringLiteral("</title>\n<style>") + narrativesPageCss()
        + QStringLiteral("</style>\n</head>\n<body>\n<div class=\"page\">\n<header>\n<h1>")
        + htmlEscaped(heading) + QStringLiteral("</h1>\n<p class=\"sub\">")
        + htmlEscaped(narrativesSubtitle(project, table)) + QStringLiteral("</p>\n")
        + publicDescriptionHtml(project)
        + (withNotes ? QStringLiteral("<p class=\"internal\"><strong>This copy includes internal "
                                      "notes and annotations: not for publication.</strong></p>\n")
                     : QString())
        + QStringLiteral("</header>\n<main>\n");
    if (table.mode() == NarrativesMode::Matrix) {
        html += overviewHtml(project, table);
        for (std::size_t r = 0; r < table.rowCount(); ++r)
            html += questionHtml(project, table, r, zone, withNotes);
    } else {
        html += sideBySideHtml(project, table, zone, withNotes);
    }
    html += QStringLiteral("</main>\n<footer>") + htmlEscaped(narrativesFooter(zone))
        + QStringLiteral("</footer>\n</div>\n</body>\n</html>\n");
    return html;
}
} // namespace claimline
