// EpubCheckAll runs EPUBCheck's own command line over each file named on its command line,
// one after the other in one JVM (a JVM per file costs seconds of start-up and compilation),
// and frames each run's report between two marker lines for internal/validate to split.
// It is launched from source (java -cp epubcheck.jar EpubCheckAll.java FILE...).
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckAll {
    public static void main(String[] args) {
        for (String file : args) {
            System.out.println("=== epubcheck-all begin " + file);
            System.out.flush();
            int code;
            try {
                code = new EpubChecker().run(new String[] {file});
            } catch (Throwable e) {
                e.printStackTrace(System.out);
                code = -1;
            }
            System.out.flush();
            System.err.flush();
            System.out.println("=== epubcheck-all end " + code);
        }
    }
}
