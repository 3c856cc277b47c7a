#pragma once

// MainWindow: the application window. It owns the Document, the shared Selection and Filter
// that every view observes, the File menu (open, save, save as, quit) and the status line.
// The views (timeline, narratives, table, charts, inspector) dock into it in later work.

#include <QMainWindow>

class QLabel;

namespace claimline {

class Document;
class Filter;
class Selection;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    Selection *selection() const { return m_selection; }
    Filter *filter() const { return m_filter; }

    // Opens a project file; on failure shows every problem and keeps the current project.
    bool openFile(const QString &path);
    // The status line's text (for tests).
    QString statusText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void open();
    bool save();
    bool saveAs();
    bool maybeSave();
    void updateTitle();
    void updateStatus();
    void showProblems(const QString &path, const QStringList &problems);

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    Filter *m_filter = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_overviewLabel = nullptr;
};

} // namespace claimline
