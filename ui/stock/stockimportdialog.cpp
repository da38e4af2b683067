#include "stock/stockimportdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ChannelDesk {

namespace {
QTableWidget *changesTable(const StockImportPreview &preview, QWidget *parent)
{
    const QStringList headers {StockImportDialog::tr("SKU"), StockImportDialog::tr("Change"),
                               StockImportDialog::tr("Available"), StockImportDialog::tr("Title"),
                               StockImportDialog::tr("Safety buffer")};
    auto *table = new QTableWidget(int(preview.changes.size()), int(headers.size()), parent);
    table->setObjectName(u"importChanges"_s);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    const auto fromTo = [](const auto &before, const auto &after) {
        return before == after ? u"%1"_s.arg(after) : u"%1 \u2192 %2"_s.arg(before).arg(after);
    };
    for (int row = 0; row < preview.changes.size(); ++row) {
        const StockImportChange &c = preview.changes.at(row);
        const QString what = c.isNew ? StockImportDialog::tr("new SKU")
            : c.changes()            ? StockImportDialog::tr("changed")
                                     : StockImportDialog::tr("unchanged");
        const QStringList cells {c.sku, what,
                                 c.isNew ? QString::number(c.availableAfter)
                                         : fromTo(c.availableBefore, c.availableAfter),
                                 c.isNew ? c.titleAfter : fromTo(c.titleBefore, c.titleAfter),
                                 c.isNew ? QString::number(c.bufferAfter)
                                         : fromTo(c.bufferBefore, c.bufferAfter)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (!c.changes())
                item->setForeground(table->palette().color(QPalette::PlaceholderText));
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}
} // namespace

StockImportDialog::StockImportDialog(const QString &path, const StockImportPreview &preview,
                                     QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
    , m_reason(new QLineEdit(tr("stock import"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(u"stockImportDialog"_s);
    setWindowTitle(tr("Import stock from %1").arg(QFileInfo(path).fileName()));
    resize(720, 480);
    auto *summary = new QLabel(this);
    summary->setObjectName(u"importSummary"_s);
    summary->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    QPushButton *import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    import->setObjectName(u"importApply"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"importCancel"_s);
    if (!preview.ok()) {
        summary->setText(tr("Nothing can be imported from this file: %n row(s) need fixing. "
                            "Fix them and import the file again; no SKU was changed.",
                            nullptr, int(preview.errors.size())));
        auto *errors = new QPlainTextEdit(preview.errors.join(u'\n'), this);
        errors->setObjectName(u"importErrors"_s);
        errors->setReadOnly(true);
        layout->addWidget(errors, 1);
        import->setEnabled(false);
        m_reason->hide();
    } else {
        const qsizetype changed = preview.changedCount();
        summary->setText(changed == 0 ? tr("The file matches the stock: nothing would change.")
                                      : tr("%n SKU(s) will change, %1 stay as they are. Nothing is "
                                           "written until you click Import.",
                                           nullptr, int(changed))
                                            .arg(preview.changes.size() - changed));
        layout->addWidget(changesTable(preview, this), 1);
        auto *form = new QFormLayout;
        m_reason->setObjectName(u"importReason"_s);
        form->addRow(tr("&Reason (for the audit log):"), m_reason);
        layout->addLayout(form);
        import->setEnabled(changed > 0);
        connect(m_reason, &QLineEdit::textChanged, this, [this, import, changed] {
            import->setEnabled(changed > 0 && !reason().isEmpty());
        });
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString StockImportDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace ChannelDesk
