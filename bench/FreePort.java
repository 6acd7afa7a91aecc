/** Prints a free TCP port (for the bench's fake AWS). */
public class FreePort {
    public static void main(String[] args) throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            System.out.println(s.getLocalPort());
        }
    }
}
