#include "export/narrativeshtml.h"

#include "export/htmltext.h"
#include "model/project.h"
#include "present/narrativestable.h"
#include "present/narrativestext.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
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

// The page's colours are those of the light publication palette that the pictures use
// (ui's NarrativesTheme over publicationPalette()), computed here without Qt Gui: channels kept
// in 16 bits and rounded as QColor keeps and rounds them, so that every colour comes out to
// the same #rrggbb as the pictures' NarrativesTheme would give.
struct Rgb16
{
    std::uint16_t r = 0;
    std::uint16_t g = 0;
    std::uint16_t b = 0;

    static Rgb16 fromRgb(std::uint32_t rgb)
    {
        return {std::uint16_t(((rgb >> 16) & 0xff) * 0x101),
                std::uint16_t(((rgb >> 8) & 0xff) * 0x101), std::uint16_t((rgb & 0xff) * 0x101)};
    }
};

float channelF(std::uint16_t c)
{
    return c / float(USHRT_MAX);
}

std::uint16_t channel16(float f)
{
    return std::uint16_t(qRound(f * USHRT_MAX));
}

Rgb16 blend(const Rgb16 &a, const Rgb16 &b, double t)
{
    const auto mix = [t](std::uint16_t x, std::uint16_t y) {
        return channel16(float(channelF(x) + (channelF(y) - channelF(x)) * t));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

double luminance(const Rgb16 &color)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(channelF(color.r)) + 0.7152 * channel(channelF(color.g))
        + 0.0722 * channel(channelF(color.b));
}

double contrastRatio(const Rgb16 &a, const Rgb16 &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString colorCss(const Rgb16 &color)
{
    // 16 bits to the nearest 8, as QColor::red() rounds.
    const auto byte = [](std::uint16_t c) {
        return (c + 128) / 257;
    };
    return QStringLiteral("#%1%2%3")
        .arg(byte(color.r), 2, 16, QLatin1Char('0'))
        .arg(byte(color.g), 2, 16, QLatin1Char('0'))
        .arg(byte(color.b), 2, 16, QLatin1Char('0'));
}

// The publication palette: white cells, near-black text.
const Rgb16 Background = Rgb16::fromRgb(0xffffff);
const Rgb16 Text = Rgb16::fromRgb(0x1a1a1a);

// The light stance accents (common/colors.h), index = Stance.
constexpr std::array<std::uint32_t, 5> StanceAccent {0x5F6670, 0x1E7B34, 0xB42318, 0xA74B00,
                                                     0x5B3FC4};
// The parties' fallback colours (common/colors.h), Okabe–Ito.
constexpr std::array<std::uint32_t, 8> PartyFallback {0xE69F00, 0x56B4E9, 0x009E73, 0xD55E00,
                                                      0x0072B2, 0xCC79A7, 0xF0E442, 0x999999};

QString stanceAccentCss(Stance stance)
{
    return colorCss(Rgb16::fromRgb(StanceAccent[std::size_t(stance)]));
}

// NarrativesTheme::stanceChipFill: the accent over the card colour.
QString stanceFillCss(Stance stance)
{
    const Rgb16 card = blend(Background, Text, 0.018);
    return colorCss(blend(card, Rgb16::fromRgb(StanceAccent[std::size_t(stance)]), 0.11));
}

// common/colors.h's partyColor() on the publication palette.
QString partyCss(const Project &project, std::uint32_t party)
{
    Rgb16 color = Rgb16::fromRgb(PartyFallback[PartyFallback.size() - 1]);
    if (party < project.parties().size()) {
        const Party &p = project.parties()[party];
        color = Rgb16::fromRgb(p.hasColor ? p.color : PartyFallback[party % 7]);
    }
    for (int i = 0; i < 12 && contrastRatio(color, Background) < 1.6; ++i)
        color = blend(color, Text, 0.15);
    return colorCss(color);
}

QString claimHtml(const Project &project, const NarrativesTable &table, std::uint32_t claim,
                  const QTimeZone &zone, std::uint32_t relation = NoIndex)
{
    const Claim &c = project.claims()[claim];
    const bool answer = relation != NoIndex;
    const Stance shown
        = answer ? NarrativesText::stanceOf(project.relations()[relation].kind) : c.stance;
    const QString stance = answer ? NarrativesText::answerChip(project.relations()[relation].kind)
                                  : NarrativesText::stance(c.stance);
    const QString stanceClass = shown == Stance::None
        ? QStringLiteral("none")
        : QString::fromLatin1(nameOf(shown).data(), qsizetype(nameOf(shown).size()));
    QString html = QStringLiteral("<div class=\"claim s-") + stanceClass + QStringLiteral("\">")
        + QStringLiteral("<p class=\"head\"><span class=\"stance\">") + htmlEscaped(stance)
        + QStringLiteral("</span> <strong>") + htmlEscaped(NarrativesText::claimant(project, claim))
        + QStringLiteral("</strong> <span class=\"when\">")
        + htmlEscaped(NarrativesText::madeAt(project, claim, zone)) + QStringLiteral("</span></p>");
    if (answer)
        html += QStringLiteral("<p class=\"meta\"><em>")
            + htmlEscaped(NarrativesText::answerLine(project, relation))
            + QStringLiteral("</em></p>");
    html += QStringLiteral("<p>") + htmlEscaped(NarrativesText::fileText(project, c.statement))
        + QStringLiteral("</p>");
    if (!c.quote.isEmpty())
        html += QStringLiteral("<blockquote>") + QChar(0x201c)
            + htmlEscaped(NarrativesText::fileText(project, c.quote)) + QChar(0x201d)
            + QStringLiteral("</blockquote>");
    html += QStringLiteral("<p class=\"meta\">")
        + htmlEscaped(NarrativesText::footer(project, claim)) + QStringLiteral("</p>");
    if (table.isUnanswered(claim))
        html += QStringLiteral("<p class=\"flag\">") + QChar(0x2691) + QLatin1Char(' ')
            + htmlEscaped(NarrativesText::unanswered()) + QStringLiteral("</p>");
    return html + QStringLiteral("</div>");
}

QString columnHeader(const Project &project, const NarrativesTable &table, int column)
{
    QString html = QStringLiteral("<th scope=\"col\">");
    for (const std::uint32_t party : table.columnParties(column))
        html += QStringLiteral("<span class=\"swatch\" aria-hidden=\"true\" style=\"background:")
            + partyCss(project, party) + QStringLiteral("\"></span>");
    return html + htmlEscaped(table.columnTitle(project, column)) + QStringLiteral("</th>");
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

// The page's style sheet: the publication palette's greys, and per stance the accent of a
// card's stripe and chip.
QString pageCss()
{
    QString css = QStringLiteral(
        "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
        "sans-serif;color:#1a1a1a;background:#fff;margin:2rem;line-height:1.4}"
        "table{border-collapse:collapse;width:100%}"
        "caption{text-align:left;font-size:1.4rem;font-weight:700;margin-bottom:1rem}"
        "caption span{display:block;font-size:1rem;font-weight:400;color:#555;margin-top:.25rem}"
        "th,td{border:1px solid #d4d4d4;padding:.6rem;vertical-align:top;text-align:left}"
        "thead th{background:#f0f0f0;border-top:4px solid #d4d4d4}"
        "tbody th{background:#fafafa;font-weight:600;min-width:12rem}"
        "th[scope=rowgroup]{background:#ececec;font-size:1.05rem}"
        ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;"
        "margin-right:.35em;vertical-align:-.05em;border:1px solid rgba(0,0,0,.25)}"
        ".claim{margin:0 0 .75rem;padding:.5rem .7rem;border:1px solid #ddd;"
        "border-left:4px solid #5f6670;border-radius:4px;background:#fcfcfc}"
        ".claim:last-child{margin-bottom:0}.claim p{margin:.2rem 0}"
        ".stance{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;"
        "border:1px solid currentColor;border-radius:3px}"
        ".when,.meta{color:#555;font-size:.85rem}.when{float:right}"
        "blockquote{margin:.3rem 0 .3rem .2rem;padding-left:.6rem;border-left:2px solid #bbb;"
        "font-style:italic}"
        ".flag{display:inline-block;color:#8a5a00;border:1px solid #8a5a00;border-radius:3px;"
        "padding:0 .4rem;font-size:.8rem;font-weight:700}"
        ".empty{color:#767676;font-style:italic}"
        ".link{white-space:nowrap;font-size:.9rem}.link span{display:block;color:#555}"
        "footer{margin-top:1rem;color:#555;font-size:.85rem}"
        ".lead{max-width:50rem;margin:0 0 1rem}");
    for (const Stance stance :
         {Stance::None, Stance::Affirms, Stance::Denies, Stance::Disputes, Stance::Qualifies}) {
        const QString name = stance == Stance::None
            ? QStringLiteral("none")
            : QString::fromLatin1(nameOf(stance).data(), qsizetype(nameOf(stance).size()));
        css += QStringLiteral(".s-") + name + QStringLiteral("{border-left-color:")
            + stanceAccentCss(stance) + QStringLiteral("}.s-") + name
            + QStringLiteral(" .stance{color:") + stanceAccentCss(stance)
            + QStringLiteral(";background:") + stanceFillCss(stance) + QStringLiteral("}");
    }
    return css;
}

} // namespace

QString narrativesHtml(const Project &project, const NarrativesTable &table, const QTimeZone &zone,
                       const QString &title)
{
    const QString caption = title.isEmpty() ? narrativesTitle(project) : title;
    const QString css = pageCss();
    // For search engines and link previews: the public description on one line.
    const QString summary
        = NarrativesText::oneLine(project.text(project.meta().publicDescription)).trimmed();
    const QString summaryMeta = summary.isEmpty()
        ? QString()
        : QString(QStringLiteral("<meta name=\"description\" content=\"") + htmlEscaped(summary)
                  + QStringLiteral("\">\n"));

    QString html;
    html += QStringLiteral(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        + summaryMeta + QStringLiteral("<title>") + htmlEscaped(caption)
        + QStringLiteral("</title>\n<style>") + css + QStringLiteral("</style>\n</head>\n<body>\n")
        + publicDescriptionHtml(project) + QStringLiteral("<table>\n<caption>")
        + htmlEscaped(caption) + QStringLiteral("<span>")
        + htmlEscaped(narrativesSubtitle(project, table))
        + QStringLiteral("</span></caption>\n<thead><tr>");
    const bool matrix = table.mode() == NarrativesMode::Matrix;
    if (matrix) {
        html += QStringLiteral("<th scope=\"col\">Question</th>");
        for (int c = 0; c < table.columnCount(); ++c)
            html += columnHeader(project, table, c);
    } else {
        html += columnHeader(project, table, NarrativesTable::ColumnA)
            + QStringLiteral("<th scope=\"col\">Answer · lag</th>")
            + columnHeader(project, table, NarrativesTable::ColumnB);
    }
    html += QStringLiteral("</tr></thead>\n");
    const auto cell = [&](const std::vector<std::uint32_t> &claims, const QString &empty,
                          const std::vector<NarrativesAnswer> &answers = {}) -> QString {
        QString out = QStringLiteral("<td>");
        if (claims.empty() && answers.empty())
            out += QStringLiteral("<span class=\"empty\">") + htmlEscaped(empty)
                + QStringLiteral("</span>");
        for (const std::uint32_t claim : claims)
            out += claimHtml(project, table, claim, zone);
        for (const NarrativesAnswer &answer : answers)
            out += claimHtml(project, table, answer.claim, zone, answer.relation);
        return out + QStringLiteral("</td>");
    };
    bool bodyOpen = false;
    if (matrix) {
        html += QStringLiteral("<tbody>\n");
        bodyOpen = true;
    }
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const NarrativesRow &row = table.rows()[r];
        switch (row.kind) {
        case NarrativesRow::Kind::Question:
            html += QStringLiteral("<tr><th scope=\"row\">")
                + htmlEscaped(table.rowTitle(project, int(r))) + QStringLiteral("</th>");
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                html += cell(row.cells[c], NarrativesTable::emptyCellText(row.hidden[c]),
                             row.answers[c]);
            html += QStringLiteral("</tr>\n");
            break;
        case NarrativesRow::Kind::Heading:
            if (bodyOpen)
                html += QStringLiteral("</tbody>\n");
            html += QStringLiteral("<tbody><tr><th scope=\"rowgroup\" colspan=\"3\">")
                + htmlEscaped(table.rowTitle(project, int(r))) + QStringLiteral("</th></tr>\n");
            bodyOpen = true;
            break;
        case NarrativesRow::Kind::Pair: {
            if (!bodyOpen) {
                html += QStringLiteral("<tbody>\n");
                bodyOpen = true;
            }
            html += QStringLiteral("<tr>")
                + cell(row.cells[0],
                       QStringLiteral("no related claim from %1")
                           .arg(table.columnTitle(project, NarrativesTable::ColumnA)))
                + QStringLiteral("<td class=\"link\">");
            for (std::size_t i = 0; i < row.links.size(); ++i) {
                const NarrativesLink &link = row.links[i];
                if (link.relation == NoIndex || row.cells[0].empty())
                    continue;
                const Claim &a = project.claims()[row.cells[0][0]];
                const Claim &b = project.claims()[row.cells[1][i]];
                const QString lag = link.aAnswers ? formatLag(responseLag(a.madeAt, b.madeAt))
                                                  : formatLag(responseLag(b.madeAt, a.madeAt));
                const QString kind
                    = NarrativesText::relation(project.relations()[link.relation].kind);
                // The arrow points from the answer to the claim it answers.
                const QString arrow = link.aAnswers
                    ? QString(htmlEscaped(kind) + QLatin1Char(' ') + QChar(0x25b6))
                    : QString(QChar(0x25c0) + QLatin1Char(' ') + htmlEscaped(kind));
                html += QStringLiteral("<p>") + arrow + QStringLiteral("<span>") + htmlEscaped(lag)
                    + QStringLiteral("</span></p>");
            }
            html += QStringLiteral("</td>")
                + cell(row.cells[1],
                       QStringLiteral("no related claim from %1")
                           .arg(table.columnTitle(project, NarrativesTable::ColumnB)))
                + QStringLiteral("</tr>\n");
            break;
        }
        }
    }
    if (bodyOpen)
        html += QStringLiteral("</tbody>\n");
    html += QStringLiteral("</table>\n<footer>") + htmlEscaped(narrativesFooter(zone))
        + QStringLiteral("</footer>\n</body>\n</html>\n");
    return html;
}

} // namespace claimline
