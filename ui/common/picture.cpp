#include "common/picture.h"

#include "session/safewrite.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace claimline {

namespace {

// Logical pixels are CSS pixels: 96 per inch.
constexpr double LogicalDpi = 96.0;
constexpr double PointsPerLogicalPixel = 72.0 / LogicalDpi;
constexpr double InchesPerMeter = 1.0 / 0.0254;
// A4 pages keep a margin for printers that cannot print to the edge.
constexpr double PageMarginMm = 10.0;

QSize ceilSize(const QSizeF &size)
{
    return QSize(std::max(1, int(std::ceil(size.width()))),
                 std::max(1, int(std::ceil(size.height()))));
}

bool writePng(const Picture &picture, double pixelRatio, QIODevice &device, QString *error)
{
    const QImage image = pictureImage(picture, pixelRatio);
    if (image.isNull()) {
        *error = QStringLiteral("the picture (%1×%2 points at %3×) is too large for an image")
                     .arg(ceilSize(picture.size).width())
                     .arg(ceilSize(picture.size).height())
                     .arg(pixelRatio);
        return false;
    }
    QImageWriter writer(&device, "png");
    writer.setText(QStringLiteral("Title"), picture.title);
    writer.setText(QStringLiteral("Software"), QStringLiteral("Claimline"));
    if (!writer.write(image)) {
        *error = writer.errorString();
        return false;
    }
    return true;
}

bool writeSvg(const Picture &picture, QIODevice &device, QString *error)
{
    const QSize size = ceilSize(picture.size);
    QSvgGenerator generator;
    generator.setOutputDevice(&device);
    // At 96 dpi the width and height attributes (in mm) match the logical size in CSS pixels,
    // so the SVG opens at the size the picture was laid out for.
    generator.setResolution(int(LogicalDpi));
    generator.setSize(size);
    generator.setViewBox(QRectF(QPointF(0, 0), QSizeF(size)));
    // Qt 6.4 writes the title into <title> unescaped: a title with '<' or '&' would make the
    // file invalid XML (test_exports checks it).
    generator.setTitle(picture.title.toHtmlEscaped());
    generator.setDescription(QStringLiteral("Made with Claimline"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        *error = QStringLiteral("cannot start the SVG");
        return false;
    }
    picture.paint(painter);
    if (!painter.end()) {
        *error = QStringLiteral("cannot finish the SVG");
        return false;
    }
    return true;
}

bool writePdf(const Picture &picture, bool paged, QIODevice &device, QString *error)
{
    QPdfWriter writer(&device);
    writer.setTitle(picture.title);
    writer.setCreator(QStringLiteral("Claimline"));
    if (paged) {
        // Landscape when the picture is wider than tall: a timeline reads better across.
        const auto orientation = picture.size.width() > picture.size.height()
            ? QPageLayout::Landscape
            : QPageLayout::Portrait;
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), orientation,
                        QMarginsF(PageMarginMm, PageMarginMm, PageMarginMm, PageMarginMm),
                        QPageLayout::Millimeter));
        if (paintPicturePaged(picture, writer) == 0) {
            *error = QStringLiteral("cannot start the PDF");
            return false;
        }
        return true;
    }
    // One page exactly the picture's size, without margins.
    const QSizeF points = QSizeF(ceilSize(picture.size)) * PointsPerLogicalPixel;
    writer.setPageLayout(
        QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                    QPageLayout::Portrait, QMarginsF()));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    const double scale = writer.logicalDpiX() / LogicalDpi;
    painter.scale(scale, scale);
    picture.paint(painter);
    if (!painter.end()) {
        *error = QStringLiteral("cannot finish the PDF");
        return false;
    }
    return true;
}

} // namespace

QImage pictureImage(const Picture &picture, double pixelRatio)
{
    const QSize logical = ceilSize(picture.size);
    const QSize pixels(int(std::ceil(logical.width() * pixelRatio)),
                       int(std::ceil(logical.height() * pixelRatio)));
    // QImage allocates up to 2 GiB; refuse earlier than that, with a message, rather than
    // letting a 1M-event picture fail somewhere in the painter.
    if (pixels.width() > 32767 || pixels.height() > 32767
        || double(pixels.width()) * pixels.height() > 400e6)
        return {};
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return image;
    image.setDevicePixelRatio(pixelRatio);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        picture.paint(painter);
    }
    // Tagged with its DPI only once painted: a painter resolves point sizes against the
    // image's DPI, and the picture's units are logical pixels at 96 per inch.
    const int dotsPerMeter = int(std::lround(LogicalDpi * pixelRatio * InchesPerMeter));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

std::vector<std::pair<double, double>> pageSlices(const Picture &picture, const QSizeF &pageSize)
{
    std::vector<std::pair<double, double>> slices;
    if (picture.size.isEmpty() || pageSize.isEmpty())
        return {{0.0, picture.size.height()}};
    const double pageHeight = pageSize.height() * picture.size.width() / pageSize.width();
    const double height = picture.size.height();
    double top = 0;
    // A sliver under a thousandth of a page is rounding, not content.
    while (height - top > pageHeight * 1e-3) {
        double bottom = std::min(height, top + pageHeight);
        if (bottom < height) {
            const auto next = std::upper_bound(picture.pageBreaks.begin(), picture.pageBreaks.end(),
                                               bottom + 1e-6);
            if (next != picture.pageBreaks.begin() && *(next - 1) >= top + pageHeight / 2)
                bottom = *(next - 1);
        }
        slices.emplace_back(top, bottom);
        top = bottom;
    }
    if (slices.empty())
        slices.emplace_back(0.0, height);
    return slices;
}

int pagedPageCount(const QSizeF &pictureSize, const QSizeF &pageSize)
{
    Picture picture;
    picture.size = pictureSize;
    return int(pageSlices(picture, pageSize).size());
}

int paintPicturePaged(const Picture &picture, QPagedPaintDevice &device)
{
    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    // The painter's coordinates cover the page's paintable area, in device pixels.
    const QSizeF page(device.width(), device.height());
    const auto slices = pageSlices(picture, page);
    const double scale = page.width() / std::max(1.0, picture.size.width());
    for (std::size_t i = 0; i < slices.size(); ++i) {
        const auto [top, bottom] = slices[i];
        if (i > 0)
            device.newPage();
        painter.save();
        painter.scale(scale, scale);
        painter.translate(0, -top);
        // Each page shows its own slice: what lies below is left to the next page.
        painter.setClipRect(QRectF(0, top, picture.size.width(), bottom - top));
        picture.paint(painter);
        painter.restore();
    }
    painter.end();
    return int(slices.size());
}

QString writePicture(const Picture &picture, const QString &path, PictureFormat format,
                     const PictureOptions &options)
{
    if (!picture.paint || picture.size.isEmpty())
        return QStringLiteral("cannot write %1: the picture is empty").arg(path);
    // The file is made in memory first: the image, SVG and PDF writers emit many small
    // writes, and safeWrite()'s file is unbuffered (so that a full disk reports its cause).
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString cause;
    bool made = false;
    switch (format) {
    case PictureFormat::Png:
        made = writePng(picture, options.pixelRatio, buffer, &cause);
        break;
    case PictureFormat::Svg:
        made = writeSvg(picture, buffer, &cause);
        break;
    case PictureFormat::Pdf:
        made = writePdf(picture, options.pdfPaged, buffer, &cause);
        break;
    }
    buffer.close();
    if (!made)
        return QStringLiteral("Could not save \"%1\": %2.").arg(path, cause);
    return safeWrite(
        path,
        [&](QIODevice &device, QString *message) {
            if (device.write(bytes) != bytes.size()) {
                *message = device.errorString();
                return false;
            }
            return true;
        },
        SafeWriteOptions {false});
}

} // namespace claimline
