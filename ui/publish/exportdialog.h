#pragma once

// ExportDialog: File ▸ Export… asks what to export (the timeline, the narratives matrix or
// side by side, the positions, a chart), to which format (only those the view makes), the size, the
// pixel density, the time range and where. It only asks; MainWindow does the export.

#include "export/exportformats.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace claimline {

struct ExportChoice
{
    enum class Target { Timeline, NarrativesMatrix, NarrativesSideBySide, Chart, Positions };
    Target target = Target::Timeline;
    QString chart; // Target::Chart
    ExportFormat format = ExportFormat::Png;
    int width = 1600; // points
    int height = 0; // 0: as tall as needed
    double pixelRatio = 2.0; // PNG
    bool pdfPaged = false;
    bool wholeProject = false; // timeline: everything instead of the visible range
    bool includeClaims = false; // TimelineJS
    bool withNotes = false; // internal notes and annotations (canCarryNotes())
    QString path;
};

class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    // `sideBySide`: whether the narratives have an A and a B to compare.
    ExportDialog(const QString &suggestedPath, bool sideBySide, QWidget *parent = nullptr);

    ExportChoice choice() const;

private:
    void updateFormats();
    void updateOptions();
    void browse();
    ExportView view() const;

    QComboBox *m_target = nullptr;
    QComboBox *m_format = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QDoubleSpinBox *m_ratio = nullptr;
    QLabel *m_dpi = nullptr;
    QCheckBox *m_paged = nullptr;
    QCheckBox *m_claims = nullptr;
    QCheckBox *m_notes = nullptr;
    QRadioButton *m_visible = nullptr;
    QRadioButton *m_whole = nullptr;
    QLineEdit *m_path = nullptr;
};

} // namespace claimline
