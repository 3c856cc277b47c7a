#pragma once

// ExportActions: File ▸ Export and File ▸ Print. Export asks (ExportDialog) for a view or a
// data format and writes it: the data formats (CSV, TimelineJS, the narratives as HTML, the
// positions as CSV or HTML) follow the shared filter, the pictures are the views as they are
// framed now (the positions: the questions and parties that have one, as every export). Print asks
// which view and previews its picture on as many pages as it needs.

#include "common/picture.h"
#include "present/narrativestable.h"
#include "publish/exportdialog.h"

#include <QObject>
#include <QString>

#include <optional>

class QMainWindow;

namespace claimline {

class Document;
class Filter;
class NarrativesView;
class TimelineView;

class ExportActions final : public QObject
{
    Q_OBJECT

public:
    // `window` is the parent of every dialog, shows the status messages and names the
    // printed document.
    ExportActions(Document *document, Filter *filter, TimelineView *timeline,
                  NarrativesView *narratives, QMainWindow *window);

    void exportViews();
    void print();

private:
    // The picture File ▸ Export and Print make of a view (not of data formats).
    std::optional<Picture> pictureOf(const ExportChoice &choice, QString *error) const;
    NarrativesSpec narrativesSpec(ExportChoice::Target target) const;

    Document *m_document = nullptr;
    Filter *m_filter = nullptr;
    TimelineView *m_timeline = nullptr;
    NarrativesView *m_narratives = nullptr;
    QMainWindow *m_window = nullptr;
};

} // namespace claimline
