#pragma once

// LayerFilter: the Filter panel's section for the analyst's own layer (model.h: Annotation):
// "Starred only", "Annotated only" and "By author" (Anyone, or one of the people who wrote
// annotations in the project). Two-way like the panel's other sections: a control sets the
// Filter, a change of the Filter from elsewhere (a saved view, Reset) shows in the controls.
// The authors are read again when the project or any item changes, once per turn of the
// event loop; an author the Filter names who wrote nothing (a saved view from elsewhere) is
// still listed, marked, so the choice in force is never hidden.

#include <QWidget>

class QCheckBox;
class QComboBox;
class QTimer;

namespace claimline {

class Document;
class Filter;

class LayerFilter final : public QWidget
{
    Q_OBJECT

public:
    LayerFilter(Document *document, Filter *filter, QWidget *parent = nullptr);

    QCheckBox *starredBox() const { return m_starred; }
    QCheckBox *annotatedBox() const { return m_annotated; }
    QComboBox *authorCombo() const { return m_author; }

private:
    void updateAuthors();
    void syncFromFilter();

    Document *m_document = nullptr;
    Filter *m_filter = nullptr;
    QTimer *m_authorsTimer = nullptr;
    bool m_syncing = false;
    QCheckBox *m_starred = nullptr;
    QCheckBox *m_annotated = nullptr;
    QComboBox *m_author = nullptr;
};

} // namespace claimline
