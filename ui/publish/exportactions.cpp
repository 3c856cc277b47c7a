#include "publish/exportactions.h"

#include "charts/chartexport.h"
#include "document/document.h"
#include "document/filter.h"
#include "export/csvexport.h"
#include "export/evidencemanifest.h"
#include "export/exportformats.h"
#include "export/narrativeshtml.h"
#include "export/positionsexport.h"
#include "export/positionstable.h"
#include "export/timelinejsexport.h"
#include "model/project.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativesview.h"
#include "positions/positionspicture.h"
#include "publish/exportformats.h"
#include "session/safewrite.h"
#include "timeline/timelineexport.h"
#include "timeline/timelineview.h"

#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStatusBar>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace claimline {

ExportActions::ExportActions(Document *document, Filter *filter, TimelineView *timeline,
                             NarrativesView *narratives, QMainWindow *window)
    : QObject(window)
    , m_document(document)
    , m_filter(filter)
    , m_timeline(timeline)
    , m_narratives(narratives)
    , m_window(window)
{ }

void ExportActions::exportViews()
{
    const QString stem = QFileInfo(m_document->filePath()).completeBaseName();
    const QString suggested = QFileInfo(m_document->filePath())
                                  .dir()
                                  .filePath(stem.isEmpty() ? QStringLiteral("claimline") : stem)
        + QStringLiteral(".png");
    const bool sideBySide
        = !m_narratives->narrativeA().empty() && !m_narratives->narrativeB().empty();
    ExportDialog dialog(suggested, sideBySide, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportChoice choice = dialog.choice();
    if (choice.path.isEmpty())
        return;
    const Project &project = m_document->project();
    QString error;
    const PictureOptions pictureOptions {choice.pixelRatio, choice.pdfPaged};
    const auto pictureFormat = pictureFormatOf(choice.format);
    // Data exports follow the shared filter: what the views show is what is written.
    if (choice.target == ExportChoice::Target::Positions && !pictureFormat) {
        PositionsTable table;
        table.buildForExport(project, m_filter);
        error = exportPositionsData(project, table, choice.format, choice.path);
    } else if (choice.format == ExportFormat::Csv) {
        CsvExportOptions options;
        options.withNotes = choice.withNotes;
        error = exportCsv(project, choice.path, m_filter, options);
    } else if (choice.format == ExportFormat::EvidenceCsv
               || choice.format == ExportFormat::EvidenceJson) {
        // Every pinned file: a chain-of-custody record is never filtered.
        error = exportEvidenceManifest(project, choice.path,
                                       choice.format == ExportFormat::EvidenceCsv
                                           ? EvidenceManifestFormat::Csv
                                           : EvidenceManifestFormat::Json);
    } else if (choice.format == ExportFormat::TimelineJs) {
        TimelineJsOptions options;
        options.includeClaims = choice.includeClaims;
        options.withNotes = choice.withNotes;
        options.zone = m_timeline->timeZone();
        error = exportTimelineJs(project, choice.path, m_filter, options);
    } else if (choice.format == ExportFormat::Html) {
        NarrativesTable table;
        table.build(project, m_filter, narrativesSpec(choice.target));
        const QByteArray html
            = narrativesHtml(project, table, m_timeline->timeZone(), {}, choice.withNotes).toUtf8();
        error = safeWrite(
            choice.path,
            [&](QIODevice &device, QString *message) {
                if (device.write(html) == html.size())
                    return true;
                *message = device.errorString();
                return false;
            },
            SafeWriteOptions {false});
    } else if (const auto picture = pictureOf(choice, &error)) {
        error = writePicture(*picture, choice.path, *pictureFormat, pictureOptions);
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Export failed"), error);
        return;
    }
    spdlog::info("exported a view ({})", exportFormatName(choice.format).toStdString());
    m_window->statusBar()->showMessage(tr("Exported %1").arg(QFileInfo(choice.path).fileName()),
                                       3000);
}

NarrativesSpec ExportActions::narrativesSpec(ExportChoice::Target target) const
{
    // The narratives as the view builds them (its columns, order and the shared filter), in
    // the mode asked for.
    NarrativesSpec spec = m_narratives->spec();
    spec.mode = target == ExportChoice::Target::NarrativesSideBySide ? NarrativesMode::SideBySide
                                                                     : NarrativesMode::Matrix;
    return spec;
}

std::optional<Picture> ExportActions::pictureOf(const ExportChoice &choice, QString *error) const
{
    const Project &project = m_document->project();
    using Target = ExportChoice::Target;
    switch (choice.target) {
    case Target::Timeline: {
        double from = m_timeline->scale().start();
        double to = m_timeline->scale().end();
        std::int64_t first = 0;
        std::int64_t last = 0;
        if (choice.wholeProject && m_timeline->lanes().extent(&first, &last)) {
            const double margin = std::max(3600.0, double(last - first) * 0.03);
            from = double(first) - margin;
            to = double(last) + margin;
        }
        return m_timeline->picture(from, to, QSize(choice.width, choice.height),
                                   publicationPalette(), true);
    }
    case Target::Chart:
        return chartPictureByName(project, *m_filter, choice.chart,
                                  QSizeF(choice.width, choice.height > 0 ? choice.height : 750),
                                  m_timeline->timeZone(), error);
    case Target::NarrativesMatrix:
    case Target::NarrativesSideBySide: {
        // The picture keeps its own table: it may be painted after this returns (printing).
        auto table = std::make_shared<NarrativesTable>();
        table->build(project, m_filter, narrativesSpec(choice.target));
        NarrativesPictureOptions options;
        options.zone = m_timeline->timeZone();
        Picture picture = narrativesPicture(project, *table, choice.width, options);
        picture.paint = [table, paint = std::move(picture.paint)](QPainter &painter) {
            paint(painter);
        };
        return picture;
    }
    case Target::Positions: {
        // The rows and columns that have a position, less the parties the filter hides, as
        // the HTML and CSV hold them. The picture keeps its own copy of the texts.
        PositionsTable table;
        table.buildForExport(project, m_filter);
        return positionsPicture(project, table, choice.width);
    }
    }
    return std::nullopt;
}

void ExportActions::print()
{
    // Which view: the timeline as it is framed (its time range, every lane), the narratives
    // in either mode, or a chart; on as many pages as its height needs, in the light
    // publication theme.
    using Target = ExportChoice::Target;
    std::vector<ExportChoice> choices;
    QStringList names;
    const auto add = [&](const QString &name, Target target, const QString &chart = {}) {
        ExportChoice choice;
        choice.target = target;
        choice.chart = chart;
        choice.width = std::max(800, m_timeline->viewport()->width());
        choices.push_back(choice);
        names << name;
    };
    add(tr("Timeline (the visible range)"), Target::Timeline);
    add(tr("Narratives: matrix"), Target::NarrativesMatrix);
    if (!m_narratives->narrativeA().empty() && !m_narratives->narrativeB().empty())
        add(tr("Narratives: side by side (A vs B)"), Target::NarrativesSideBySide);
    add(tr("Positions (what each side is arguing)"), Target::Positions);
    for (int kind = 0; kind < ChartKindCount; ++kind)
        add(tr("Chart: %1").arg(chartTitle(ChartKind(kind))), Target::Chart,
            chartName(ChartKind(kind)));
    bool ok = false;
    const QString chosen
        = QInputDialog::getItem(m_window, tr("Print"), tr("&What to print:"), names, 0, false, &ok);
    if (!ok)
        return;
    ExportChoice choice = choices[std::size_t(std::max<qsizetype>(0, names.indexOf(chosen)))];
    if (choice.target == Target::Chart)
        choice.width = 1000;
    QString error;
    const std::optional<Picture> picture = pictureOf(choice, &error);
    if (!picture) {
        QMessageBox::warning(m_window, tr("Print"), error);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_window->windowTitle());
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintPreviewDialog preview(&printer, m_window);
    preview.setWindowTitle(tr("Print Preview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&picture](QPrinter *target) { paintPicturePaged(*picture, *target); });
    preview.exec();
}

} // namespace claimline
