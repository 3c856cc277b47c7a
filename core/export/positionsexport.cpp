#include "export/positionsexport.h"

#include "export/htmltext.h"
#include "export/positionstable.h"
#include "model/project.h"
#include "present/chartdata.h"
#include "session/safewrite.h"

#include <QIODevice>
#include <QStringList>

namespace claimline {

namespace {

QString writeBytes(const QString &path, const QByteArray &bytes)
{
    return safeWrite(
        path,
        [&bytes](QIODevice &device, QString *error) {
            const bool ok = device.write(bytes) == bytes.size();
            if (!ok)
                *error = device.errorString();
            return ok;
        },
        SafeWriteOptions {false});
}

// The party's own colour for its swatch, or none: the page does not invent colours.
QString partyColorCss(const Project &project, std::uint32_t party)
{
    const Party &p = project.parties()[party];
    if (!p.hasColor)
        return {};
    return QStringLiteral("#%1").arg(p.color, 6, 16, QLatin1Char('0'));
}

// The public description, one paragraph per line of it.
QString leadHtml(const Project &project)
{
    QString html;
    const QStringList lines = project.text(project.meta().publicDescription)
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            html += QStringLiteral("<p class=\"lead\">%1</p>\n").arg(htmlEscaped(line.trimmed()));
    }
    return html;
}

// The page's style: the greys of the light publication palette; a table on a wide screen, a
// card per question on a phone, where each position sits under its party's name and colour.
const char PageCss[]
    = "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,"
      "sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}"
      "main{max-width:110rem;margin:0 auto;padding:2rem}"
      "h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem}"
      ".lead{max-width:50rem;margin:0 0 1rem}"
      "table{border-collapse:collapse;width:100%;table-layout:fixed}"
      "caption{text-align:left;color:#555;margin-bottom:.75rem}"
      "th,td{border:1px solid #d4d4d4;padding:.6rem .7rem;vertical-align:top;text-align:left;"
      "overflow-wrap:anywhere}"
      "thead th{background:#f0f0f0;border-bottom:2px solid #bdbdbd}"
      "thead th:first-child{width:24%}"
      "tbody th{background:#fafafa;font-weight:600}"
      ".swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;"
      "vertical-align:-.05em;border:1px solid rgba(0,0,0,.25)}"
      ".empty{color:#555;font-style:italic}"
      "footer{margin-top:1rem;color:#555;font-size:.85rem}footer p{margin:.2rem 0}"
      "@media (max-width:40rem){"
      "main{padding:1rem}h1{font-size:1.3rem}"
      "table,caption,tbody,tr,th,td{display:block;width:auto}"
      "thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
      "tr{border:1px solid #d4d4d4;border-radius:6px;margin:0 0 1rem;overflow:hidden}"
      "th,td{border:0}"
      "tbody th{border-bottom:1px solid #d4d4d4}"
      "td{padding:.45rem .7rem}"
      "td:empty{display:none}"
      "td::before{content:attr(data-label);display:block;font-size:.8rem;font-weight:700;"
      "color:#555;border-left:.6em solid var(--party,#bdbdbd);padding-left:.4em;"
      "margin-bottom:.1rem}"
      "}";

QString tableHtml(const Project &project, const PositionsTable &table)
{
    QString html = QStringLiteral("<table>\n<caption>%1</caption>\n<thead><tr>"
                                  "<th scope=\"col\">Question</th>")
                       .arg(htmlEscaped(positionsSubtitle()));
    for (int c = 0; c < table.columnCount(); ++c) {
        const QString color = partyColorCss(project, table.party(c));
        html += QStringLiteral("<th scope=\"col\">");
        if (!color.isEmpty())
            html += QStringLiteral("<span class=\"swatch\" aria-hidden=\"true\" "
                                   "style=\"background:%1\"></span>")
                        .arg(color);
        html += htmlEscaped(table.partyName(project, c)) + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < table.rowCount(); ++r) {
        html += QStringLiteral("<tr><th scope=\"row\">%1</th>")
                    .arg(htmlEscaped(table.questionText(project, r)));
        for (int c = 0; c < table.columnCount(); ++c) {
            const QString color = partyColorCss(project, table.party(c));
            html += QStringLiteral("<td data-label=\"%1\"")
                        .arg(htmlEscaped(table.partyName(project, c)));
            if (!color.isEmpty())
                html += QStringLiteral(" style=\"--party:%1\"").arg(color);
            html += QLatin1Char('>') + htmlEscaped(table.text(project, r, c))
                + QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</tbody>\n</table>\n");
}

} // namespace

QByteArray positionsCsv(const Project &project, const PositionsTable &table,
                        const CsvExportOptions &options)
{
    QByteArray csv = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    QStringList fields {QStringLiteral("Question")};
    for (int c = 0; c < table.columnCount(); ++c)
        fields << csvText(table.partyName(project, c));
    csv += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (int r = 0; r < table.rowCount(); ++r) {
        fields = {csvText(table.questionText(project, r))};
        for (int c = 0; c < table.columnCount(); ++c)
            fields << csvText(table.text(project, r, c));
        csv += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return csv;
}

QString positionsHtml(const Project &project, const PositionsTable &table)
{
    const QString title = positionsTitle(project);
    const QString summary = project.text(project.meta().publicDescription).simplified();
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                  "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                                  "content=\"width=device-width, initial-scale=1\">\n");
    if (!summary.isEmpty())
        html += QStringLiteral("<meta name=\"description\" content=\"%1\">\n")
                    .arg(htmlEscaped(summary));
    html += QStringLiteral("<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n<main>\n"
                           "<h1>%1</h1>\n")
                .arg(htmlEscaped(title), QString::fromLatin1(PageCss));
    html += leadHtml(project);
    html += table.isEmpty()
        ? QStringLiteral("<p class=\"empty\">%1</p>\n").arg(htmlEscaped(positionsEmptyText()))
        : tableHtml(project, table);
    html += QStringLiteral("<footer><p>%1</p><p>%2</p></footer>\n</main>\n</body>\n</html>\n")
                .arg(htmlEscaped(positionsFooter()), htmlEscaped(chartCredit(project)));
    return html;
}

QString exportPositionsCsv(const Project &project, const PositionsTable &table, const QString &path,
                           const CsvExportOptions &options)
{
    return writeBytes(path, positionsCsv(project, table, options));
}

QString exportPositionsHtml(const Project &project, const PositionsTable &table,
                            const QString &path)
{
    return writeBytes(path, positionsHtml(project, table).toUtf8());
}

QString exportPositionsData(const Project &project, const PositionsTable &table,
                            ExportFormat format, const QString &path,
                            const CsvExportOptions &options)
{
    Q_ASSERT(format == ExportFormat::Csv || format == ExportFormat::Html);
    return format == ExportFormat::Csv ? exportPositionsCsv(project, table, path, options)
                                       : exportPositionsHtml(project, table, path);
}

} // namespace claimline
