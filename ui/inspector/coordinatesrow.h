#pragma once

// CoordinatesRow: an event's latitude and longitude in the Inspector, side by side, with what
// they read as under them ("58.54° N, 33.67° E", "no location") or why they are not saved
// (text/coordinatetext.h says what is taken).
//
// A location has both numbers or neither, so the pair is committed as one: when the user is
// done with it (the focus leaves the pair, not for its other field, or Return), finished() is
// emitted and EventForm takes the pair (take()). A number out of range, text that is no
// number, or one number without the other is shown under the fields and never written.

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;

namespace claimline {

class CoordinatesRow final : public QWidget
{
    Q_OBJECT

public:
    // Both NaN: no location.
    struct Coordinates
    {
        double latitude;
        double longitude;
    };

    explicit CoordinatesRow(QWidget *parent = nullptr);

    QLineEdit *latitudeEdit() const { return m_latitude; }
    QLineEdit *longitudeEdit() const { return m_longitude; }
    QLabel *note() const { return m_note; }

    // Shows coordinates (NaN: none) and what they read as.
    void setCoordinates(double latitude, double longitude);
    // Whether either field holds typing not yet committed.
    bool isModified() const;
    // What the fields hold, to be committed (the fields then count as committed), or nullopt
    // with why not shown under them.
    std::optional<Coordinates> take();

Q_SIGNALS:
    // The user is done with the pair.
    void finished();

private:
    // Checks what the fields hold and shows it under them. `whole`: the user is done with the
    // pair, so one number without the other is a problem (while they move from one field to
    // the other, it is only a note).
    std::optional<Coordinates> check(bool whole);
    void leave(QLineEdit *field);

    QLineEdit *m_latitude = nullptr;
    QLineEdit *m_longitude = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace claimline
