import QtQuick
import QtQuick.Controls

Label {
    font.pixelSize: Theme.headingSize
    font.bold: true
    color: Theme.text
    topPadding: Theme.spacing
    bottomPadding: 4
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
