#include "narrativesexport.h"

#include "htmltext.h"
#include "narrativesrenderer.h"
#include "narrativestext.h"
#include "project.h"
#include "timeline/timelineexport.h"
#include "visibletext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace claimline {

namespace {

constexpr double Margin = 32;

QString defaultTitle(const Project &project)
{
    const QString title = NarrativesText::fileText(project, project.meta().title);
    return title.isEmpty() ? QStringLiteral("Competing narratives") : title;
}

QString defaultSubtitle(const Project &project, const NarrativesTable &table)
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

QString footerText(const QTimeZone &zone)
{
    return QStringLiteral("Dates are when each claim was said (times of day in %1). Statements "
                          "are paraphrases; quotes are verbatim. Status and source grades as "
                          "recorded in the project. Made with Claimline.")
        .arg(QString::fromUtf8(zone.id()));
}

// Wrapped plain text; returns its height. A null painter only measures.
double drawWrapped(QPainter *painter, const QString &text, const QFont &font, const QColor &color,
                   const QPointF &at, double width)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    if (painter) {
        painter->setPen(color);
        layout.draw(painter, at);
    }
    return std::ceil(y);
}

struct Fonts
{
    QFont title;
    QFont subtitle;
    QFont footer;
};

Fonts fontsFor(const QFont &base)
{
    Fonts fonts;
    fonts.title = base;
    fonts.title.setBold(true);
    fonts.subtitle = base;
    fonts.footer = base;
    if (base.pixelSize() > 0) {
        fonts.title.setPixelSize(int(std::round(base.pixelSize() * 1.55)));
        fonts.subtitle.setPixelSize(int(std::round(base.pixelSize() * 1.08)));
        fonts.footer.setPixelSize(std::max(8, int(std::round(base.pixelSize() * 0.85))));
    } else {
        fonts.title.setPointSizeF(base.pointSizeF() * 1.55);
        fonts.subtitle.setPointSizeF(base.pointSizeF() * 1.08);
        fonts.footer.setPointSizeF(base.pointSizeF() * 0.85);
    }
    return fonts;
}

void prepare(NarrativesRenderer &renderer, const Project &project, const NarrativesTable &table,
             const NarrativesPictureOptions &options, double tableWidth)
{
    renderer.setFont(options.font);
    renderer.setPalette(options.palette);
    renderer.setTimeZone(options.zone);
    renderer.setStatementLines(options.statementLines);
    renderer.setContent(&project, &table);
    renderer.setWidth(tableWidth);
}

} // namespace

NarrativesPictureOptions::NarrativesPictureOptions()
    : palette(publicationPalette())
{
    font.setPixelSize(13);
}

double narrativesPictureWidth(const Project &project, const NarrativesTable &table, double width,
                              const NarrativesPictureOptions &options)
{
    NarrativesRenderer renderer;
    prepare(renderer, project, table, options, width - 2 * Margin);
    return std::ceil(renderer.contentWidth() + 2 * Margin);
}

double paintNarratives(QPainter *painter, const Project &project, const NarrativesTable &table,
                       double width, const NarrativesPictureOptions &options,
                       std::vector<double> *rowBottoms)
{
    NarrativesRenderer renderer;
    const double tableWidth = width - 2 * Margin;
    prepare(renderer, project, table, options, tableWidth);
    const NarrativesTheme &theme = renderer.theme();
    const Fonts fonts = fontsFor(options.font);
    const QString title
        = options.title.isEmpty() ? defaultTitle(project) : visibleText(options.title);
    const QString subtitle = options.subtitle.isEmpty() ? defaultSubtitle(project, table)
                                                        : visibleText(options.subtitle);
    double y = Margin;
    y += drawWrapped(painter, title, fonts.title, theme.text, QPointF(Margin, y), tableWidth);
    y += 4;
    y += drawWrapped(painter, subtitle, fonts.subtitle, theme.muted, QPointF(Margin, y),
                     tableWidth);
    y += 14;
    y += renderer.paintLegend(painter, QPointF(Margin, y), tableWidth);
    y += 16;

    const double tableTop = y;
    if (painter) {
        painter->save();
        painter->translate(Margin, y);
        renderer.paintHeader(*painter, 0, renderer.contentWidth());
        painter->restore();
    }
    y += renderer.headerHeight();
    if (rowBottoms)
        rowBottoms->push_back(y);
    const NarrativesRenderer::Highlight none;
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        const double h = renderer.rowHeight(row);
        if (painter) {
            painter->save();
            painter->translate(Margin, 0);
            renderer.paintRow(*painter, row, y, 0, renderer.contentWidth(), none);
            painter->restore();
        }
        y += h;
        if (rowBottoms)
            rowBottoms->push_back(y);
    }
    if (painter) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(theme.grid, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(
            QRectF(Margin - 0.5, tableTop - 0.5, renderer.contentWidth() + 1, y - tableTop + 1));
        painter->restore();
    }
    y += 14;
    y += drawWrapped(painter, footerText(options.zone), fonts.footer, theme.muted,
                     QPointF(Margin, y), tableWidth);
    return std::ceil(y + Margin);
}

Picture narrativesPicture(const Project &project, const NarrativesTable &table, double width,
                          const NarrativesPictureOptions &options)
{
    width = narrativesPictureWidth(project, table, width, options);
    Picture picture;
    const double height
        = paintNarratives(nullptr, project, table, width, options, &picture.pageBreaks);
    picture.title = options.title.isEmpty() ? defaultTitle(project) : visibleText(options.title);
    picture.size = QSizeF(width, height);
    const QColor background = NarrativesTheme::from(options.palette).background;
    picture.paint = [&project, &table, width, height, options, background](QPainter &painter) {
        painter.fillRect(QRectF(0, 0, width, height), background);
        paintNarratives(&painter, project, table, width, options);
    };
    return picture;
}

QImage renderNarrativesImage(const Project &project, const NarrativesTable &table, double width,
                             const NarrativesPictureOptions &options, qreal devicePixelRatio)
{
    return pictureImage(narrativesPicture(project, table, width, options), devicePixelRatio);
}

// --- HTML -----------------------------------------------------------------------------------

namespace {

QString colorCss(const QColor &color)
{
    return color.name(QColor::HexRgb);
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

QString columnHeader(const Project &project, const NarrativesTable &table, int column,
                     const NarrativesTheme &theme)
{
    QString html = QStringLiteral("<th scope=\"col\">");
    for (const std::uint32_t party : table.columnParties(column))
        html += QStringLiteral("<span class=\"swatch\" aria-hidden=\"true\" style=\"background:")
            + colorCss(theme.partyColor(project, party)) + QStringLiteral("\"></span>");
    return html + htmlEscaped(table.columnTitle(project, column)) + QStringLiteral("</th>");
}

} // namespace

QString narrativesHtml(const Project &project, const NarrativesTable &table, const QTimeZone &zone,
                       const QString &title)
{
    const NarrativesTheme theme = NarrativesTheme::from(publicationPalette());
    const QString caption = title.isEmpty() ? defaultTitle(project) : title;
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
        "footer{margin-top:1rem;color:#555;font-size:.85rem}");
    for (const Stance stance :
         {Stance::None, Stance::Affirms, Stance::Denies, Stance::Disputes, Stance::Qualifies}) {
        const QString name = stance == Stance::None
            ? QStringLiteral("none")
            : QString::fromLatin1(nameOf(stance).data(), qsizetype(nameOf(stance).size()));
        css += QStringLiteral(".s-") + name + QStringLiteral("{border-left-color:")
            + colorCss(theme.stanceAccent(stance)) + QStringLiteral("}.s-") + name
            + QStringLiteral(" .stance{color:") + colorCss(theme.stanceAccent(stance))
            + QStringLiteral(";background:") + colorCss(theme.stanceChipFill(stance))
            + QStringLiteral("}");
    }

    QString html;
    html += QStringLiteral(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<title>")
        + htmlEscaped(caption) + QStringLiteral("</title>\n<style>") + css
        + QStringLiteral("</style>\n</head>\n<body>\n<table>\n<caption>") + htmlEscaped(caption)
        + QStringLiteral("<span>") + htmlEscaped(defaultSubtitle(project, table))
        + QStringLiteral("</span></caption>\n<thead><tr>");
    const bool matrix = table.mode() == NarrativesMode::Matrix;
    if (matrix) {
        html += QStringLiteral("<th scope=\"col\">Question</th>");
        for (int c = 0; c < table.columnCount(); ++c)
            html += columnHeader(project, table, c, theme);
    } else {
        html += columnHeader(project, table, NarrativesTable::ColumnA, theme)
            + QStringLiteral("<th scope=\"col\">Answer · lag</th>")
            + columnHeader(project, table, NarrativesTable::ColumnB, theme);
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
    html += QStringLiteral("</table>\n<footer>") + htmlEscaped(footerText(zone))
        + QStringLiteral("</footer>\n</body>\n</html>\n");
    return html;
}

} // namespace claimline
