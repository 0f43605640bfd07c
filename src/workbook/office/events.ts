import { IGNORED_SHEET_NAME } from '../ignored-sheet';
import { type Unsubscribe, type WorkbookPort } from '../port';
import { isOwnChange, type OfficeContext, run } from './context';
import { toWorkbookError } from './errors';
import { readSelection } from './read';


function subscribe<A>(ctx: OfficeContext, register: (context: Excel.RequestContext, handler: (args: A) => Promise<void>) => Promise<OfficeExtension.EventHandlerResult<A>[]>, onEvent: (args: A) => Promise<void>): Unsubscribe {
  let active = true;
  const handler = async (args: A) => {
    if (!active) return;
    try {
      await onEvent(args);
    } catch (error) {
      ctx.reportError(toWorkbookError(error));
    }
  };
  const registration = run(ctx, (context) => register(context, handler)).catch((error: unknown) => {
    ctx.reportError(toWorkbookError(error));
    return [];
  });
  return () => {
    active = false;
    void registration
      .then(async (results) => {
        const first = results[0];
        if (!first) return;
        await ctx.excelRun(first.context, async (context) => {
          for (const result of results) result.remove();
          await context.sync();
        });
      })
      .catch((error: unknown) => ctx.reportError(toWorkbookError(error)));
  };
}


export function eventsRoom(ctx: OfficeContext): Pick<WorkbookPort, 'onSelectionChanged' | 'onCellsChanged' | 'onSheetRenamed'> {
  return {
    onSelectionChanged(handler) {
      if (!ctx.capabilities.selectionEvents) return () => undefined;
      return subscribe<Excel.SelectionChangedEventArgs>(
        ctx,
        async (context, onEvent) => {
          const result = context.workbook.onSelectionChanged.add(onEvent);
          await context.sync();
          return [result];
        },
        async () => handler(await run(ctx, readSelection, ctx.backgroundRun)),
      );
    },

    onCellsChanged(handler) {
      if (!ctx.capabilities.changeEvents) return () => undefined;
      return subscribe<Excel.WorksheetChangedEventArgs>(
        ctx,
        async (context, onEvent) => {
          if (ctx.minor >= 9) {
            const result = context.workbook.worksheets.onChanged.add(onEvent);
            await context.sync();
            return [result];
          }
          // ExcelApi 1.7–1.8: one handler per sheet that exists now.
          const worksheets = context.workbook.worksheets.load('items/name');
          await context.sync();
          const results = worksheets.items.map((sheet) => sheet.onChanged.add(onEvent));
          await context.sync();
          return results;
        },
        async (args) => {
          // Excel reports the add-in's own writes too (ExcelApi 1.14 names them ThisLocalAddin): not a user's edit.
          if (args.triggerSource === 'ThisLocalAddin') return;
          // The event names the sheet by id; the name is looked up once per id and again after a miss.
          let name = ctx.state.sheetNames.get(args.worksheetId);
          if (name === undefined) {
            name = await run(ctx, async (context) => {
              const sheet = context.workbook.worksheets.getItem(args.worksheetId).load('name');
              await context.sync();
              return sheet.name;
            }, ctx.backgroundRun);
            ctx.state.sheetNames.set(args.worksheetId, name);
          }
          // The ignore list's own sheet is not a table (Excel before 1.14 reports the add-in's writes to it).
          if (name === IGNORED_SHEET_NAME) return;
          // Before 1.14, an own write's change is known by its place (the write loaded its sheet's id, so no lookup).
          if (ctx.minor < 14 && isOwnChange(ctx, name, args.address ?? '')) return;
          handler(name, args.address ?? '');
        },
      );
    },

    onSheetRenamed(handler) {
      if (ctx.minor < 17) return () => undefined;
      return subscribe<Excel.WorksheetNameChangedEventArgs>(
        ctx,
        async (context, onEvent) => {
          const result = context.workbook.worksheets.onNameChanged.add(onEvent);
          await context.sync();
          return [result];
        },
        async (args) => {
          // The id stays: change events of the sheet now name it by its new name, with no lookup.
          ctx.state.sheetNames.set(args.worksheetId, args.nameAfter);
          handler(args.nameBefore, args.nameAfter);
        },
      );
    },
  };
}
