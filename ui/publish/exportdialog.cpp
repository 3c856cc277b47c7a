#include "publish/exportdialog.h"

#include "charts/chartexport.h"
#include "publish/exportformats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace claimline {

namespace {

constexpr int TargetRole = Qt::UserRole;
constexpr int ChartRole = Qt::UserRole + 1;
constexpr int FormatRole = Qt::UserRole;

QString formatLabel(ExportView view, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QObject::tr("PNG image");
    case ExportFormat::Svg:
        return QObject::tr("SVG drawing");
    case ExportFormat::Pdf:
        return QObject::tr("PDF document");
    case ExportFormat::Html:
        return QObject::tr("HTML page (accessible table)");
    case ExportFormat::Csv:
        // The positions are one table, one file; the data export is three files.
        return view == ExportView::Positions
            ? QObject::tr("CSV file (the table)")
            : QObject::tr("CSV folder (events, claims, relations)");
    case ExportFormat::TimelineJs:
        return QObject::tr("TimelineJS JSON");
    case ExportFormat::EvidenceCsv:
        return QObject::tr("Evidence manifest, CSV (every pinned file)");
    case ExportFormat::EvidenceJson:
        return QObject::tr("Evidence manifest, JSON (every pinned file)");
    }
    return {};
}

QString suffixOf(ExportView view, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return view == ExportView::Positions ? QStringLiteral(".csv") : QString();
    case ExportFormat::TimelineJs:
    case ExportFormat::EvidenceJson:
        return QStringLiteral(".json");
    case ExportFormat::EvidenceCsv:
        return QStringLiteral(".csv");
    default:
        return QLatin1Char('.') + exportFormatName(format);
    }
}

} // namespace

ExportDialog::ExportDialog(const QString &suggestedPath, bool sideBySide, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export"));
    auto *form = new QFormLayout;

    m_target = new QComboBox(this);
    using Target = ExportChoice::Target;
    m_target->addItem(tr("Timeline"), int(Target::Timeline));
    m_target->addItem(tr("Narratives: matrix"), int(Target::NarrativesMatrix));
    if (sideBySide)
        m_target->addItem(tr("Narratives: side by side (A vs B)"),
                          int(Target::NarrativesSideBySide));
    m_target->addItem(tr("Positions (what each side is arguing)"), int(Target::Positions));
    for (int kind = 0; kind < ChartKindCount; ++kind) {
        m_target->addItem(tr("Chart: %1").arg(chartTitle(ChartKind(kind))), int(Target::Chart));
        m_target->setItemData(m_target->count() - 1, chartName(ChartKind(kind)), ChartRole);
    }
    form->addRow(tr("&View:"), m_target);

    m_format = new QComboBox(this);
    form->addRow(tr("&Format:"), m_format);

    m_width = new QSpinBox(this);
    m_width->setRange(200, 10000);
    m_width->setValue(1600);
    m_width->setSuffix(tr(" pt"));
    m_height = new QSpinBox(this);
    m_height->setRange(0, 10000);
    m_height->setSpecialValueText(tr("as tall as needed"));
    m_height->setSuffix(tr(" pt"));
    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    form->addRow(tr("&Size:"), size);
    // Rows holding a layout get no buddy by themselves; without one the "&" would show.
    static_cast<QLabel *>(form->labelForField(size))->setBuddy(m_width);

    m_ratio = new QDoubleSpinBox(this);
    m_ratio->setRange(0.5, 8);
    m_ratio->setSingleStep(0.5);
    m_ratio->setValue(2);
    m_ratio->setSuffix(QStringLiteral("×"));
    m_dpi = new QLabel(this);
    auto *density = new QHBoxLayout;
    density->addWidget(m_ratio);
    density->addWidget(m_dpi, 1);
    form->addRow(tr("Pixel &density:"), density);
    static_cast<QLabel *>(form->labelForField(density))->setBuddy(m_ratio);
    connect(m_ratio, &QDoubleSpinBox::valueChanged, this, [this](double ratio) {
        m_dpi->setText(tr("%1 dpi").arg(int(std::lround(ratio * 96))));
    });
    m_dpi->setText(tr("%1 dpi").arg(192));

    m_paged = new QCheckBox(tr("A4 &pages (instead of one page the picture's size)"), this);
    form->addRow(QString(), m_paged);
    m_claims = new QCheckBox(tr("Include &claims as slides"), this);
    form->addRow(QString(), m_claims);
    // Off by default and never remembered: a public export carries no internal notes unless
    // asked each time.
    m_notes
        = new QCheckBox(tr("Include internal &notes and annotations (marked as internal)"), this);
    form->addRow(QString(), m_notes);

    m_visible = new QRadioButton(tr("&Visible range"), this);
    m_whole = new QRadioButton(tr("&Whole project"), this);
    m_visible->setChecked(true);
    auto *range = new QHBoxLayout;
    range->addWidget(m_visible);
    range->addWidget(m_whole);
    range->addStretch();
    form->addRow(tr("&Range:"), range);
    static_cast<QLabel *>(form->labelForField(range))->setBuddy(m_visible);

    m_path = new QLineEdit(suggestedPath, this);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("&To:"), pathRow);
    static_cast<QLabel *>(form->labelForField(pathRow))->setBuddy(m_path);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormats);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateOptions);
    updateFormats();
}

ExportView ExportDialog::view() const
{
    switch (ExportChoice::Target(m_target->currentData(TargetRole).toInt())) {
    case ExportChoice::Target::Timeline:
        return ExportView::Timeline;
    case ExportChoice::Target::Chart:
        return ExportView::Chart;
    case ExportChoice::Target::Positions:
        return ExportView::Positions;
    default:
        return ExportView::Narratives;
    }
}

void ExportDialog::updateFormats()
{
    const QVariant current = m_format->currentData(FormatRole);
    m_format->blockSignals(true);
    m_format->clear();
    for (const ExportFormat format : AllExportFormats) {
        if (isExportAllowed(view(), format))
            m_format->addItem(formatLabel(view(), format), int(format));
    }
    const int keep = m_format->findData(current, FormatRole);
    m_format->setCurrentIndex(keep >= 0 ? keep : 0);
    m_format->blockSignals(false);
    updateOptions();
}

void ExportDialog::updateOptions()
{
    const auto format = ExportFormat(m_format->currentData(FormatRole).toInt());
    const bool picture = pictureFormatOf(format).has_value();
    m_width->setEnabled(picture);
    m_height->setEnabled(picture);
    m_ratio->setEnabled(format == ExportFormat::Png);
    m_paged->setEnabled(format == ExportFormat::Pdf);
    m_claims->setEnabled(format == ExportFormat::TimelineJs);
    m_notes->setEnabled(canCarryNotes(view(), format));
    if (!m_notes->isEnabled())
        m_notes->setChecked(false);
    m_visible->setEnabled(view() == ExportView::Timeline);
    m_whole->setEnabled(view() == ExportView::Timeline);
    // Keep the file name, change its extension to the format's.
    QFileInfo info(m_path->text());
    const QString stem = info.path() + QLatin1Char('/') + info.completeBaseName();
    if (!info.completeBaseName().isEmpty())
        m_path->setText(stem + suffixOf(view(), format));
}

void ExportDialog::browse()
{
    const auto format = ExportFormat(m_format->currentData(FormatRole).toInt());
    const QString suffix = suffixOf(view(), format);
    const QString path = suffix.isEmpty()
        ? QFileDialog::getExistingDirectory(this, tr("Export CSV into folder"), m_path->text())
        : QFileDialog::getSaveFileName(this, tr("Export"), m_path->text(),
                                       formatLabel(view(), format) + QStringLiteral(" (*") + suffix
                                           + QLatin1Char(')'));
    if (!path.isEmpty())
        m_path->setText(path);
}

ExportChoice ExportDialog::choice() const
{
    ExportChoice choice;
    choice.target = ExportChoice::Target(m_target->currentData(TargetRole).toInt());
    choice.chart = m_target->currentData(ChartRole).toString();
    choice.format = ExportFormat(m_format->currentData(FormatRole).toInt());
    choice.width = m_width->value();
    choice.height = m_height->value();
    choice.pixelRatio = m_ratio->value();
    choice.pdfPaged = m_paged->isChecked();
    choice.wholeProject = m_whole->isChecked();
    choice.includeClaims = m_claims->isChecked();
    choice.withNotes = m_notes->isEnabled() && m_notes->isChecked();
    choice.path = m_path->text();
    return choice;
}

} // namespace claimline
