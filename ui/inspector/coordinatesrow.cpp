#include "inspector/coordinatesrow.h"

#include "inspector/fieldnote.h"
#include "text/coordinatetext.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace claimline {

namespace {

constexpr double None = std::numeric_limits<double>::quiet_NaN();

void setText(QLineEdit *edit, double value)
{
    const QString text = std::isnan(value) ? QString() : coordinateText(value);
    edit->setModified(false);
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0);
}

} // namespace

CoordinatesRow::CoordinatesRow(QWidget *parent)
    : QWidget(parent)
{
    m_latitude = new QLineEdit(this);
    m_longitude = new QLineEdit(this);
    m_note = new QLabel(this);
    m_latitude->setObjectName(QStringLiteral("inspectorLatitude"));
    m_latitude->setPlaceholderText(tr("latitude"));
    m_latitude->setAccessibleName(tr("Latitude"));
    m_latitude->setToolTip(tr("Latitude in decimal degrees: -90 (south) to 90 (north), e.g. "
                              "58.54 or 58.54 N; empty with the longitude for no location"));
    m_longitude->setObjectName(QStringLiteral("inspectorLongitude"));
    m_longitude->setPlaceholderText(tr("longitude"));
    m_longitude->setAccessibleName(tr("Longitude"));
    m_longitude->setToolTip(tr("Longitude in decimal degrees: -180 (west) to 180 (east), e.g. "
                               "33.67 or 33.67 E; empty with the latitude for no location"));
    m_note->setObjectName(QStringLiteral("inspectorCoordinatesNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);

    auto *fields = new QHBoxLayout;
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addWidget(m_latitude, 1);
    fields->addWidget(m_longitude, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(fields);
    layout->addWidget(m_note);
    setFocusProxy(m_latitude);

    for (QLineEdit *field : {m_latitude, m_longitude}) {
        connect(field, &QLineEdit::textEdited, this, [this] { check(false); });
        connect(field, &QLineEdit::editingFinished, this, [this, field] { leave(field); });
    }
    check(true);
}

void CoordinatesRow::setCoordinates(double latitude, double longitude)
{
    setText(m_latitude, latitude);
    setText(m_longitude, longitude);
    check(true);
}

bool CoordinatesRow::isModified() const
{
    return m_latitude->isModified() || m_longitude->isModified();
}

std::optional<CoordinatesRow::Coordinates> CoordinatesRow::take()
{
    const std::optional<Coordinates> coordinates = check(true);
    if (coordinates) {
        m_latitude->setModified(false);
        m_longitude->setModified(false);
    }
    return coordinates;
}

void CoordinatesRow::leave(QLineEdit *field)
{
    // Qt has moved the focus before the field announces that editing finished: from one
    // number to the other, the user is not done with the pair yet.
    QWidget *next = QApplication::focusWidget();
    if (field->hasFocus() || (next != m_latitude && next != m_longitude))
        Q_EMIT finished();
    else
        check(false);
}

std::optional<CoordinatesRow::Coordinates> CoordinatesRow::check(bool whole)
{
    const QString latitudeText = m_latitude->text().trimmed();
    const QString longitudeText = m_longitude->text().trimmed();
    if (latitudeText.isEmpty() && longitudeText.isEmpty()) {
        showFieldNote(m_note, tr("no location"));
        return Coordinates {None, None};
    }
    // NaN for a number not given or not valid (g++ 12 warns of an optional<double> here).
    QString latitudeProblem;
    QString longitudeProblem;
    const double latitude = latitudeText.isEmpty()
        ? None
        : parseCoordinate(latitudeText, CoordinateAxis::Latitude, &latitudeProblem).value_or(None);
    const double longitude = longitudeText.isEmpty()
        ? None
        : parseCoordinate(longitudeText, CoordinateAxis::Longitude, &longitudeProblem)
              .value_or(None);
    QStringList problems;
    if (!latitudeProblem.isEmpty())
        problems << tr("the latitude %1").arg(latitudeProblem);
    if (!longitudeProblem.isEmpty())
        problems << tr("the longitude %1").arg(longitudeProblem);
    if (!problems.isEmpty()) {
        showFieldProblem(m_note, tr("Not saved: %1.").arg(problems.join(QStringLiteral("; "))));
        return std::nullopt;
    }
    if (!std::isnan(latitude) && !std::isnan(longitude)) {
        showFieldNote(m_note, coordinatesReading(latitude, longitude));
        return Coordinates {latitude, longitude};
    }
    if (whole) {
        showFieldProblem(m_note,
                         tr("Not saved: a location has both a latitude and a "
                            "longitude, or neither."));
    } else {
        showFieldNote(m_note,
                      std::isnan(longitude) ? tr("Give the longitude too, or clear the latitude.")
                                            : tr("Give the latitude too, or clear the longitude."));
    }
    return std::nullopt;
}

} // namespace claimline
