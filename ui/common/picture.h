#pragma once

// Picture: what every view hands to the exporters. A view (timeline, narratives, a chart)
// describes its whole requested content as a size and a paint function; writePicture() turns
// that into a PNG, an SVG or a PDF, so that each format is written in one place, for every
// view, the same way.
//
// Units: the picture's size is in logical pixels at 96 per inch (what QWidget and QFont
// pixel sizes use). PNGs are rendered at `pixelRatio` times that (2 by default) and tagged
// with the matching DPI; SVGs keep the logical size as their viewBox; PDFs scale it to the page.

#include <QImage>
#include <QSizeF>
#include <QString>

#include <functional>
#include <vector>

class QPagedPaintDevice;
class QPainter;

namespace claimline {

enum class PictureFormat { Png, Svg, Pdf };

struct Picture
{
    QString title; // SVG <title>, PDF document title
    QSizeF size; // logical pixels
    // Paints the whole picture with its top-left corner at the painter's origin, within
    // `size`. It must not assume a device: it is called with image, SVG and PDF painters.
    std::function<void(QPainter &)> paint;
    // Where a printed page may end (logical y, ascending), e.g. between table rows, so that
    // pages do not cut a row in two; empty: anywhere.
    std::vector<double> pageBreaks;
};

struct PictureOptions
{
    double pixelRatio = 2.0; // PNG: device pixels per logical pixel
    // PDF: false = one page the picture's size; true = A4 pages (landscape when the picture is
    // wider than tall), the picture scaled to the page width and cut into as many pages as it
    // needs.
    bool pdfPaged = false;
};

// Writes the picture; returns an error message naming the path and the cause, empty on
// success. The file is written atomically (the old file stays whole on failure).
QString writePicture(const Picture &picture, const QString &path, PictureFormat format,
                     const PictureOptions &options = {});

// The picture as an image at `pixelRatio` device pixels per logical pixel (tagged with that
// ratio and the matching DPI); a null image when it would be too large to allocate.
QImage pictureImage(const Picture &picture, double pixelRatio = 2.0);

// Paints the picture on a paged device (a QPdfWriter, a QPrinter) already set up with its page
// size and margins: scaled to the width of the page's paintable area and cut into as many pages
// as its height needs. Returns the number of pages, 0 when the device cannot be painted on.
int paintPicturePaged(const Picture &picture, QPagedPaintDevice &device);

// How many pages paintPicturePaged() makes of a picture on pages of that paintable size
// (device pixels; only the aspect ratio matters).
int pagedPageCount(const QSizeF &pictureSize, const QSizeF &pageSize);
// The slices [top, bottom) of the picture (logical y) that paintPicturePaged() puts on each
// page: a page ends at the last page break that fills at least half of it, else where the
// page is full.
std::vector<std::pair<double, double>> pageSlices(const Picture &picture, const QSizeF &pageSize);

} // namespace claimline
